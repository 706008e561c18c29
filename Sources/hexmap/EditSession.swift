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

/// What `hexmap FILE …` does, once `EditArguments` has read and checked its options: the
/// interactive editor, the REPL, or a headless run.
struct EditSession {
    var file: FilePath
    var commands: [String] = []
    /// The script's path as given (`-` reads standard input).
    var script: RawArgument?
    var readOnly = false
    var privateMapping = false
    /// `--create SIZE`: create the file, or grow it, to this many bytes.
    var createSize: Int?
    var json = false
    var noRollback = false
    var noSync = false
    var watch = false
    var repl = false
    var recover: RecoveryMode?
    var force = false

    var isHeadless: Bool { !commands.isEmpty || script != nil || watch || recover != nil }

    /// Runs it; returns the exit status.
    func run() -> Int32 {
        if repl { return runRepl() }
        if isHeadless { return runHeadless() }
        return runInteractive()
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
                parsed = try ScriptSource.parse(path: script.text == "-" ? nil : script.path(), name: script.text)
            } else {
                parsed = try Script.parse(commands: commands)
            }
        } catch let error as ScriptSyntaxError {
            return report(error.description, status: 2)
        } catch {
            return fail("\(error)", status: 2)
        }
        // A run that only reads needs no lock: it may look at a file another session edits.
        let edits =
            !readOnly && !privateMapping && (recover != nil || parsed.lines.contains { $0.command.changesFile })
        let document: Document
        do {
            document = try open(locking: edits ? .wait(seconds: Self.lockWaitSeconds) : .none)
        } catch {
            return fail(error.message, status: 1)
        }
        defer { document.close() }
        if let recover {
            do {
                writeToStandardError("hexmap: \(try document.recover(recover, force: force))\n")
            } catch {
                return fail(error.message, status: 1)
            }
        } else if let notice = document.recoveryNotice, !edits {
            writeToStandardError("hexmap: warning: \(notice) (hexmap FILE --recover rollback|keep resolves it)\n")
        }
        if let warning = document.recoveryWarning { writeToStandardError("hexmap: warning: \(warning)\n") }
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
            return fail(error.message, status: 1)
        }
        defer { document.close() }
        if let notice = document.readOnlyNotice { writeToStandardError("hexmap: \(notice)\n") }
        if let notice = document.recoveryNotice {
            writeToStandardError("hexmap: \(notice): recover rollback or recover keep resolves it\n")
        }
        if let warning = document.recoveryWarning { writeToStandardError("hexmap: warning: \(warning)\n") }
        warnAboutStructFiles()
        signal(SIGPIPE, SIG_IGN)
        SignalStop.install()
        document.stopRequest = SignalStop.request
        let report = { (line: String) in writeToStandardError(line + "\n") }
        let onTerminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let input: any ReplInput = (onTerminal ? EditLineInput(warn: report) : nil) ?? PipeInput()
        let session = ReplSession(document: document, output: StandardOutputSink(), json: json, report: report)
        if onTerminal { session.copyToClipboard = { TerminalClipboard.write($0, to: STDOUT_FILENO) } }
        return session.run(input)
    }

    private func runInteractive() -> Int32 {
        let document: Document
        do {
            document = try open(locking: readOnly || privateMapping ? .none : .orReadOnly)
        } catch {
            return fail(error.message, status: 1)
        }
        defer { document.close() }
        return InteractiveEditor.run(document: document)
    }

    private func open(locking: Document.Locking) throws(EditorError) -> Document {
        let path = file
        if privateMapping, createSize != nil, FileIdentity(path: path) == nil {
            throw EditorError(
                "\(TerminalText.path(path)): no such file (--private never creates a file: its edits stay in memory)",
                kind: .notFound)
        }
        do {
            return try Document(
                path: path, readOnly: readOnly, privateMapping: privateMapping, createSize: createSize, locking: locking
            )
        } catch  where error.kind == .notFound {
            throw EditorError(error.message + " (hexmap creates a file only with --create SIZE)", kind: .notFound)
        }
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
