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

    @Argument(help: "The file to open (it must exist unless --create is given).")
    var file: String

    @Option(
        name: .customShort("c"),
        help: ArgumentHelp("Run CMD headless (repeatable; together they form one script).", valueName: "CMD"))
    var commands: [String] = []

    @Option(
        name: .customShort("s"),
        help: ArgumentHelp("Run the commands in SCRIPT headless (- reads standard input).", valueName: "SCRIPT"))
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

    var isHeadless: Bool { !commands.isEmpty || script != nil || watch }

    func validate() throws {
        if !commands.isEmpty, script != nil {
            throw ValidationError("give commands with -c or a script with -s, not both")
        }
        if repl, isHeadless {
            throw ValidationError("--repl reads its commands from standard input: it cannot be combined with -c, -s or --watch")
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
        if readOnly, create != nil {
            throw ValidationError("--create cannot be combined with -r")
        }
        if watch, json {
            throw ValidationError("--watch prints xxd lines: it cannot be combined with --json")
        }
        if watch, privateMapping {
            throw ValidationError("--watch follows other processes' changes, which a --private mapping never sees")
        }
    }

    func run() throws {
        if repl {
            throw ExitCode(runRepl())
        }
        if isHeadless {
            throw ExitCode(runHeadless())
        }
        throw ExitCode(runInteractive())
    }

    /// How long a headless edit waits for another session to finish with the file.
    static let lockWaitSeconds = 2.0

    /// Parses the whole script, then runs it. No terminal set-up happens on this path.
    private func runHeadless() -> Int32 {
        let parsed: Script
        do {
            if script == nil && commands.isEmpty {
                parsed = try Script.parse(commands: [])  // `--watch` alone
            } else if let script {
                parsed = try ScriptSource.parse(path: script == "-" ? nil : RawArguments.path(script), name: script)
            } else {
                parsed = try Script.parse(commands: commands)
            }
        } catch let error as ScriptSyntaxError {
            return report(error.description, status: 2)
        } catch {
            return fail("\(error)", status: 2)
        }
        // A run that only reads needs no lock: it may look at a file another session edits.
        let edits = !readOnly && !privateMapping && parsed.lines.contains { $0.command.changesFile }
        let document: Document
        do {
            document = try open(locking: edits ? .wait(seconds: Self.lockWaitSeconds) : .none)
        } catch {
            return fail(openFailure(error), status: 1)
        }
        defer { document.close() }
        if parsed.lines.contains(where: { $0.command.name == "struct" }) { warnAboutStructFiles() }
        // A reader that goes away (`| head`) must not kill us mid-edit: EPIPE becomes an error.
        signal(SIGPIPE, SIG_IGN)
        // Ctrl-C, SIGTERM and SIGHUP stop at a safe point and roll back instead of killing us.
        SignalStop.install()
        document.stopRequest = SignalStop.request
        let runner = ScriptRunner(
            document: document, output: StandardOutputSink(),
            options: ScriptRunner.Options(rollback: !noRollback, sync: !noSync, json: json))
        let outcome = runner.run(parsed)
        switch outcome {
        case .succeeded:
            if watch || runner.endsFollowing {
                return WatchLoop.run(document: document, output: StandardOutputSink())
            }
            return 0
        case .failed(let message), .interrupted(_, let message):
            return report(message, status: outcome.exitStatus)
        }
    }

    /// The line REPL: on a terminal with libedit's prompt, otherwise plain lines from the pipe.
    private func runRepl() -> Int32 {
        let document: Document
        do {
            document = try open(locking: readOnly || privateMapping ? .none : .orReadOnly)
        } catch {
            return fail(openFailure(error), status: 1)
        }
        defer { document.close() }
        if let notice = document.readOnlyNotice { writeToStandardError("hexmap: \(notice)\n") }
        warnAboutStructFiles()
        signal(SIGPIPE, SIG_IGN)
        SignalStop.install()
        document.stopRequest = SignalStop.request
        let report = { (line: String) in writeToStandardError(line + "\n") }
        let onTerminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let input: any ReplInput = (onTerminal ? EditLineInput(warn: report) : nil) ?? PipeInput()
        let session = ReplSession(document: document, output: StandardOutputSink(), json: json, report: report)
        return session.run(input)
    }

    private func runInteractive() -> Int32 {
        let document: Document
        do {
            document = try open(locking: readOnly || privateMapping ? .none : .orReadOnly)
        } catch {
            return fail(openFailure(error), status: 1)
        }
        defer { document.close() }
        return InteractiveEditor.run(document: document)
    }

    private func open(locking: Document.Locking) throws(EditorError) -> Document {
        let path = RawArguments.path(file)
        let createSize = create.flatMap(NumberLiteral.value(of:))
        if privateMapping, createSize != nil, FileIdentity(path: path) == nil {
            throw EditorError(
                "\(TerminalText.path(path)): no such file (--private never creates a file: its edits stay in memory)",
                kind: .notFound)
        }
        return try Document(
            path: path, readOnly: readOnly, privateMapping: privateMapping, createSize: createSize, locking: locking)
    }

    /// The message for a file that could not be opened, with the hint a missing file needs.
    private func openFailure(_ error: EditorError) -> String {
        guard error.kind == .notFound, !error.message.contains("--private") else { return error.message }
        return error.message + " (hexmap creates a file only with --create SIZE)"
    }

    /// Names the struct definition files that could not be loaded (the others work).
    private func warnAboutStructFiles() {
        for problem in StructLibrary.standard.problems {
            writeToStandardError("hexmap: warning: struct definition left out: \(problem)\n")
        }
    }

    /// Writes a script's own diagnostic (`SCRIPT:LINE[:COLUMN]: message`) as it is.
    private func report(_ message: String, status: Int32) -> Int32 {
        writeToStandardError(message + "\n")
        return status
    }

    /// Writes any other error, prefixed with the program's name.
    private func fail(_ message: String, status: Int32) -> Int32 {
        for line in message.split(separator: "\n", omittingEmptySubsequences: false) {
            writeToStandardError("hexmap: \(line)\n")
        }
        return status
    }
}
