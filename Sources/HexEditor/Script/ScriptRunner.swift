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

        /// The process exit status: 0 or 1 (syntax errors, 2, never get this far).
        public var exitStatus: Int32 {
            self == .succeeded ? 0 : 1
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

    public func run(_ script: Script) -> Outcome {
        let start = document.journal.checkpoint()
        defer { document.journal.forget(start) }
        var context = CommandContext(cursor: 0, json: options.json)
        var failure: String?
        for line in script.lines {
            do {
                let effects = try interpreter.run(line.command, context: context)
                context.cursor = effects.cursor ?? context.cursor
                endsFollowing = effects.follow ?? endsFollowing
                if effects.quit != nil {
                    endsFollowing = false
                    break
                }
            } catch {
                failure = "\(script.name):\(line.number): \(error.message)"
                break
            }
        }
        do {
            try output.flush()
        } catch {
            failure = failure ?? "\(script.name): \(error.message)"
        }
        if var message = failure {
            if options.rollback {
                do {
                    try document.rollBack(to: start)
                } catch {
                    message += "\n\(script.name): rollback failed, the file keeps some edits: \(error.message)"
                }
            }
            if options.sync {
                try? document.sync()
            }
            return .failed(message: message)
        }
        if options.sync {
            do {
                try document.sync()
            } catch {
                return .failed(message: "\(script.name): final sync failed: \(error.message)")
            }
        }
        return .succeeded
    }
}
