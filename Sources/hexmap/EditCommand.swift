import ArgumentParser
import HexEditor
import HexTerminal
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `hexmap FILE`: the interactive editor, or with `-c`/`-s` the same commands run headless.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Edit FILE in the terminal, or run commands on it headless with -c or -s.",
        discussion: """
            The whole script is parsed first: a syntax error changes nothing and exits 2 with
            SCRIPT:LINE:COLUMN: message. A runtime error stops the script, prints SCRIPT:LINE:
            message, rolls back the script's edits and exits 1. A script that succeeds ends
            with the mapping synced. SCRIPT is the script's path, - for standard input, -c for -c.
            --repl runs the commands a line at a time instead: errors print 'error: MESSAGE'
            and the session goes on. The commands are listed by `hexmap --help`.
            """
    )

    @Argument(help: "The file to open (it must exist unless --create is given).", completion: .file())
    var file: String

    @Option(
        name: .customShort("c"),
        help: ArgumentHelp("Run CMD headless (repeatable; together they form one script).", valueName: "CMD"))
    var commands: [String] = []

    @Option(
        name: .customShort("s"),
        help: ArgumentHelp("Run the commands in SCRIPT headless (- reads standard input).", valueName: "SCRIPT"),
        completion: .file())
    var script: String?

    @Flag(name: .customShort("r"), help: "Open read-only: edits are refused.")
    var readOnly = false

    @Flag(name: .customLong("private"), help: "Map copy-on-write: edits never reach the file.")
    var privateMapping = false

    @Option(
        name: .customLong("create"),
        help: ArgumentHelp("Create FILE (or grow it) to SIZE bytes (4096, 0x1000, 4k, 1m).", valueName: "SIZE"))
    var create: String?

    @Flag(help: "Headless: write print, find and info as one JSON object a line.")
    var json = false

    @Flag(name: .customLong("no-rollback"), help: "Headless: keep the edits made before a runtime error.")
    var noRollback = false

    @Flag(name: .customLong("no-sync"), help: "Headless: do not msync when the script ends.")
    var noSync = false

    @Flag(
        help: ArgumentHelp(
            "Headless: after the commands (if any), print bytes other processes append, as xxd lines, until interrupted (as does a script ending in `follow on`)."
        ))
    var watch = false

    @Flag(
        help: ArgumentHelp(
            "Run the command language a line at a time (a prompt with line editing on a terminal; plain lines through a pipe)."
        ))
    var repl = false

    @Option(
        help: ArgumentHelp(
            "Resolve the journal an earlier session left (it died with unsynced edits): take them back, keep and sync them, or discard a damaged journal.",
            valueName: "rollback|keep|discard"),
        completion: .list(RecoveryMode.allCases.map(\.rawValue)))
    var recover: String?

    @Flag(
        help:
            "With --recover rollback: restore the earlier session's bytes even where another process changed them since."
    )
    var force = false

    var isHeadless: Bool { !commands.isEmpty || script != nil || watch || recover != nil }

    func validate() throws {
        if !commands.isEmpty, script != nil {
            throw ValidationError("give commands with -c or a script with -s, not both")
        }
        if let recover, RecoveryMode(rawValue: recover) == nil {
            throw ValidationError("--recover takes rollback, keep or discard, not '\(recover)'")
        }
        if force, recover != "rollback" {
            throw ValidationError("--force goes with --recover rollback only")
        }
        if recover != nil, readOnly || privateMapping {
            throw ValidationError("--recover changes the file: it cannot be combined with -r or --private")
        }
        if repl, isHeadless {
            throw ValidationError(
                "--repl reads its commands from standard input: it cannot be combined with -c, -s or --watch")
        }
        if repl, noRollback || noSync {
            throw ValidationError("--no-rollback and --no-sync apply to -c and -s only (the REPL never rolls back)")
        }
        if !isHeadless, !repl, json || noRollback || noSync {
            throw ValidationError("--json, --no-rollback and --no-sync apply to -c, -s and --repl only")
        }
        if let create, NumberLiteral.value(of: create) == nil {
            throw ValidationError("--create: bad size '\(create)' (decimal, 0x hex, optional k/m/g suffix)")
        }
        do {
            try Document.checkCreation(readOnly: readOnly, createSize: create.flatMap(NumberLiteral.value(of:)))
        } catch {
            throw ValidationError("--create: \(error.message) (-r opens read-only)")
        }
        if watch, json {
            throw ValidationError("--watch prints xxd lines: it cannot be combined with --json")
        }
        if watch, privateMapping {
            throw ValidationError("--watch follows other processes' changes, which a --private mapping never sees")
        }
    }

    func run() throws {
        throw ExitCode(
            EditSession(
                file: RawArguments.path(file), commands: commands, script: script, readOnly: readOnly,
                privateMapping: privateMapping, create: create, json: json, noRollback: noRollback, noSync: noSync,
                watch: watch, repl: repl, recover: recover, force: force
            ).run())
    }
}
