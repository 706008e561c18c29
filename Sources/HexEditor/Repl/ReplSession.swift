#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The line REPL (`hexmap FILE --repl`): the command language a line at a time, with no screen.
///
/// Each line runs at once (no parse-first, no rollback) through the same interpreter as
/// scripts and the editor, and its output is flushed before the next line is read. An error
/// prints `error: MESSAGE` and the session goes on. `q` refuses while edits are unsynced,
/// `q!` rolls them back, `wq` syncs; the end of the input syncs too. Off a terminal the exit
/// status is 1 if any command failed (as ed does). SIGTERM and SIGHUP (and SIGINT off a
/// terminal) leave as `q!` does; on a terminal SIGINT stops the running command, or cancels
/// the line being typed, and the session goes on.
public final class ReplSession {
    private let document: Document
    private let interpreter: CommandInterpreter
    private let output: any OutputSink
    private let json: Bool
    private let report: (String) -> Void
    /// Where `yank` with `set clipboard on` sends its text: set on a terminal (OSC 52 to it);
    /// nil through a pipe, where there is no terminal to ask.
    public var copyToClipboard: ((String) -> Void)?

    /// `report` writes one line of diagnostics (stderr).
    public init(document: Document, output: any OutputSink, json: Bool, report: @escaping (String) -> Void) {
        self.document = document
        self.output = output
        self.json = json
        self.report = report
        interpreter = CommandInterpreter(document: document)
        interpreter.outputSink = output
    }

    /// Runs until the input ends, a quit, or a signal; returns the exit status.
    public func run(_ input: any ReplInput) -> Int32 {
        var cursor = 0
        var failed = false
        while true {
            if let signal = stopSignal(input) { return stop(signal) }
            switch input.nextLine() {
            case .end:
                if let signal = stopSignal(input) { return stop(signal) }
                do {
                    try document.sync()
                } catch {
                    report("error: \(error.message)")
                    return 1
                }
                return failed && !input.isTerminal ? 1 : 0
            case .cancelled:
                continue  // Ctrl-C at the prompt; another signal is looked at above
            case .line(let bytes):
                let command: Command?
                do {
                    command = try CommandParser.parse(bytes: bytes)
                } catch {
                    report("error: column \(error.column): \(error.message)")
                    failed = true
                    continue
                }
                guard let command else { continue }
                do {
                    let effects = try interpreter.run(command, context: CommandContext(cursor: cursor, json: json))
                    cursor = effects.cursor ?? cursor
                    try output.flush()
                    if let text = effects.clipboard { copyToClipboard?(text) }
                    if effects.quit != nil { return 0 }
                } catch {
                    try? output.flush()
                    report("error: \(error.message)")
                    failed = true
                    if case .interrupted(SIGINT) = error.kind, input.isTerminal { SignalStop.request.reset() }
                }
            }
        }
    }

    /// The signal that ends the session, if one arrived: SIGINT only ends it off a terminal.
    private func stopSignal(_ input: any ReplInput) -> Int32? {
        guard let signal = SignalStop.request.signal else { return nil }
        if signal == SIGINT && input.isTerminal {
            SignalStop.request.reset()
            return nil
        }
        return signal
    }

    /// Leaves as `q!` does, saying what became of the unsynced edits.
    private func stop(_ signal: Int32) -> Int32 {
        let count = document.unsyncedEdits
        var note = "no unsynced edits to lose"
        if count > 0 {
            do {
                try document.discardUnsyncedEdits()
                note = "rolled back \(count) unsynced edit\(count == 1 ? "" : "s")"
            } catch {
                note = "could not roll back the unsynced edits: \(error.message)"
            }
        }
        report("\(StopRequest.name(of: signal)): \(note)")
        return SignalStop.exitStatus(for: signal)
    }
}
