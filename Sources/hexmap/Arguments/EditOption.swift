import HexEditor

/// One option of `hexmap FILE`: how it is spelled, the value it takes, what it does, and how a
/// shell completes its value. The parser, `--help`, the man page and the completion scripts all
/// read this table, so an option is declared once.
struct EditOption: Sendable {
    /// What the option sets.
    enum Key: Sendable {
        case commands, script, readOnly, privateMapping, create, json, noRollback, noSync, watch, repl, recover, force
        case help
    }

    /// What a shell offers for the option's value.
    enum ValueCompletion: Sendable, Equatable {
        case none
        case file
        case words([String])
    }

    let key: Key
    /// `-c`, `--private`; the help option has two.
    let spellings: [String]
    /// `CMD`, `SIZE`; nil for a flag.
    let valueName: String?
    let help: String
    /// `-c` may be given many times; any other option taking a value only once.
    var repeatable = false
    var completion = ValueCompletion.none

    var isFlag: Bool { valueName == nil }

    /// Every option, in the order `--help` lists them.
    static let all: [EditOption] = [
        EditOption(
            key: .commands, spellings: ["-c"], valueName: "CMD",
            help: "Run CMD headless (repeatable; together they form one script).", repeatable: true),
        EditOption(
            key: .script, spellings: ["-s"], valueName: "SCRIPT",
            help: "Run the commands in SCRIPT headless (- reads standard input).", completion: .file),
        EditOption(key: .readOnly, spellings: ["-r"], valueName: nil, help: "Open read-only: edits are refused."),
        EditOption(
            key: .privateMapping, spellings: ["--private"], valueName: nil,
            help: "Map copy-on-write: edits never reach the file."),
        EditOption(
            key: .create, spellings: ["--create"], valueName: "SIZE",
            help: "Create FILE (or grow it) to SIZE bytes (4096, 0x1000, 4k, 1m)."),
        EditOption(
            key: .json, spellings: ["--json"], valueName: nil,
            help: "Headless: write print, find and info as one JSON object a line."),
        EditOption(
            key: .noRollback, spellings: ["--no-rollback"], valueName: nil,
            help: "Headless: keep the edits made before a runtime error."),
        EditOption(
            key: .noSync, spellings: ["--no-sync"], valueName: nil, help: "Headless: do not msync when the script ends."
        ),
        EditOption(
            key: .watch, spellings: ["--watch"], valueName: nil,
            help:
                "Headless: after the commands (if any), print bytes other processes append, as xxd lines, until interrupted (as does a script ending in `follow on`)."
        ),
        EditOption(
            key: .repl, spellings: ["--repl"], valueName: nil,
            help:
                "Run the command language a line at a time (a prompt with line editing on a terminal; plain lines through a pipe)."
        ),
        EditOption(
            key: .recover, spellings: ["--recover"], valueName: "rollback|keep|discard",
            help:
                "Resolve the journal an earlier session left (it died with unsynced edits): take them back, keep and sync them, or discard a damaged journal.",
            completion: .words(RecoveryMode.allCases.map(\.rawValue))),
        EditOption(
            key: .force, spellings: ["--force"], valueName: nil,
            help:
                "With --recover rollback: restore the earlier session's bytes even where another process changed them since."
        ),
        EditOption(key: .help, spellings: ["-h", "--help"], valueName: nil, help: "Print the help."),
    ]

    /// The option spelled `spelling` (`-c`, `--repl`).
    static func named(_ spelling: String) -> EditOption? {
        all.first { $0.spellings.contains(spelling) }
    }

    /// `-c CMD`, `-h, --help`: how help and the man page show it.
    var synopsis: String {
        spellings.joined(separator: ", ") + (valueName.map { " " + $0 } ?? "")
    }
}
