/// The command summary that `help` prints headless (the interactive help screen is the view's).
enum CommandHelp {
    static let lines: [String] = [
        "goto OFF | goto +N | goto -N     move the cursor",
        "patch OFF BYTES                  overwrite bytes (never grows the file)",
        "fill OFF LEN BYTE                overwrite LEN bytes with BYTE",
        "insert OFF BYTES                 insert, shifting the tail up",
        "delete OFF LEN                   delete, shifting the tail down",
        "print [OFF [LEN]]                xxd lines (default: cursor, 256 bytes)",
        "find BYTES [from OFF] [all]      next match (or every match) as 0x...",
        "sync [async] | w                 msync the whole mapping",
        "advise HINT [OFF [LEN]]          madvise: normal random sequential willneed dontneed",
        "resize SIZE                      ftruncate + remap",
        "undo | redo                      walk the edit journal",
        "info                             path, size, mode, sharing, page size, unsynced edits",
        "follow on|off                    keep the view at the end as the file grows",
        "set columns=N|auto               bytes per row in the editor",
        "reopen                           re-read the size; after rotation, open the new file at the path",
        "q | q! | wq                      quit | discard unsynced edits and quit | sync and quit",
        "Numbers: 4096 0x1000 4k 1m 1g $ $-16. Bytes: de ad be ef, deadbeef, \"text\\n\\x00\".",
    ]
}
