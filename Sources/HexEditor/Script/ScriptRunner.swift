/// Runs a parsed script headless against a document.
///
/// On a runtime error the script stops, and every edit it made (bytes, inserts, deletes,
/// resizes) is rolled back through the undo journal unless `rollback` is off. A script that
/// succeeds, or fails without rollback, ends with the mapping synced unless `sync` is off.
public final class ScriptRunner {
    public struct Options: Sendable {
        public var rollback: Bool
        public var sync: Bool
        public var json: Bool

        public init(rollback: Bool = true, sync: Bool = true, json: Bool = false) {
            self.rollback = rollback
            self.sync = sync
            self.json = json
        }
    }

    /// How a run ended.
    public enum Outcome: Equatable, Sendable {
        case succeeded
        /// A runtime error. `message` is ready for stderr (`SCRIPT:LINE: message`, plus a
        /// line about the rollback when it could not be completed).
        case failed(message: String)
        /// A signal stopped the script; its edits were rolled back (unless rollback is off).
        case interrupted(signal: Int32, message: String)

        /// The process exit status: 0, 1, or 128 + the signal (syntax errors, 2, never get this far).
        public var exitStatus: Int32 {
            switch self {
            case .succeeded: 0
            case .failed: 1
            case .interrupted(let signal, _): SignalStop.exitStatus(for: signal)
            }
        }
    }

    /// The script left `follow on` in effect (and did not quit): headless, that means watching.
    public private(set) var endsFollowing = false

    private let document: Document
    private let interpreter: CommandInterpreter
    private let output: any OutputSink
    private let options: Options

    public init(document: Document, output: any OutputSink, options: Options = Options()) {
        self.document = document
        self.output = output
        self.options = options
        interpreter = CommandInterpreter(document: document)
        interpreter.outputSink = output
    }

    /// Runs the script. On a failure or a signal, everything the document did is rolled back
    /// (the growth of a create size, and the file itself if this run created it), so the disk
    /// is as the run found it.
    public func run(_ script: Script) -> Outcome {
        let start = document.journal.checkpoint()
        defer { document.journal.forget(start) }
        var context = CommandContext(cursor: 0, json: options.json)
        var failure: (line: Int?, error: EditorError)?
        for line in script.lines {
            do {
                try document.stopRequest?.check()
                let effects = try interpreter.run(line.command, context: context)
                context.cursor = effects.cursor ?? context.cursor
                endsFollowing = effects.follow ?? endsFollowing
                if effects.quit != nil {
                    endsFollowing = false
                    break
                }
            } catch {
                failure = (line.number, error)
                break
            }
        }
        do {
            try output.flush()
        } catch {
            failure = failure ?? (nil, error)
        }
        guard let failure else {
            if options.sync {
                do {
                    try document.sync()
                } catch {
                    return .failed(message: "\(script.name): final sync failed: \(error.message)")
                }
            } else {
                document.endJournal()  // the edits are meant to stay, synced or not
            }
            return .succeeded
        }
        var message = "\(script.name):" + (failure.line.map { "\($0):" } ?? "") + " \(failure.error.message)"
        if options.rollback {
            do {
                try document.rollBack(to: start)
                try document.undoCreation()
                if case .interrupted = failure.error.kind { message += "; the script's edits were rolled back" }
            } catch {
                message += "\n\(script.name): rollback failed, the file keeps some edits: \(error.message)"
            }
        }
        if options.sync {
            try? document.sync()
        }
        if case .interrupted(let signal) = failure.error.kind {
            return .interrupted(signal: signal, message: message)
        }
        return .failed(message: message)
    }
}
