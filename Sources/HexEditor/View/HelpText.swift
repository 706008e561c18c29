/// The help screen (`?` or F1). Kept in Swift so the binary never depends on
/// the working directory; `Resources/help.txt` is the same text (a test keeps them equal).
public enum HelpText {
    public static let text = """
        hexmap - keys and commands

        MOVING (normal mode)
          h j k l, arrows      byte left, row down, row up, byte right
          w / b                next / previous group of 8 bytes
          0 / $, Home / End    start / end of the row
          g / G                start / end of the file
          PgDn / PgUp          page down / up (also Ctrl-F / Ctrl-B)
          Ctrl-D / Ctrl-U      half a page down / up
          Tab                  switch between the hex and the text pane
          :OFF                 go to an offset (same as :goto OFF)

        EDITING (changes go straight into the mapped file)
          R                    overwrite mode: hex digits in the hex pane, text in
                               the text pane; the cursor advances; Esc leaves it
          r XX                 replace the byte under the cursor (one character
                               in the text pane)
          u / Ctrl-R           undo / redo

        SEARCHING
          /BYTES               search forward: hex pairs (de ad be ef) or a
                               quoted string ("PNG\\r\\n"); wraps at the end
          n / N                next / previous match

        COMMANDS (type : first; Up/Down browse the history)
          goto OFF             move the cursor; OFF may be +N, -N, $, $-N
          patch OFF BYTES      overwrite bytes at OFF (never grows the file)
          fill OFF LEN BYTE    overwrite LEN bytes with BYTE
          insert OFF BYTES     insert bytes, shifting the tail up
          delete OFF LEN       delete bytes, shifting the tail down
          print [OFF [LEN]]    show the range as xxd lines
          find BYTES [from OFF]  offset of the next match
          sync [async], w      msync: make the edits durable
          advise HINT [OFF LEN]  madvise: normal random sequential willneed dontneed
          resize SIZE          ftruncate and remap, at once
          undo / redo          the edit journal
          info                 path, size, mode, sharing, page size, unsynced edits
          follow on|off        keep the view at the end as the file grows
          reopen               re-read the size; after log rotation, open the
                               new file at the path
          set columns=N        bytes per row (set columns=auto to fit the width)
          help                 this screen
          q                    quit (refused while edits are unsynced)
          q!                   discard the unsynced edits and quit
          wq                   sync and quit
          Numbers: 42, 0x2a, 4k, 1m, 2g; $ is the file size.

        LIVE VIEW (other processes' changes show as they happen)
          F                    follow the end of the file, like tail -f; any
                               movement key stops following
          Bytes another process changed are highlighted for a second; the
          status line counts them and says when the file was DELETED or
          REPLACED (then :reopen opens the new file).

        OTHER KEYS
          ? or F1              this help (q or Esc closes it)
          Esc                  back to normal mode, clear the message
          Ctrl-L               repaint the terminal
          Ctrl-Z               suspend (fg in the shell resumes)
          SIGTERM, SIGINT, SIGHUP leave as :q! does (unsynced edits rolled back)

        Colours: zero bytes, printable text, whitespace, control bytes and
        bytes above 0x7e each have their own; NO_COLOR=1 turns colour off.
        """

    public static var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}
