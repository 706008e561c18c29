/// What a command's function works with while it runs: the command, the document, the caller's
/// context (cursor, JSON), and where its text and effects go.
public final class CommandRun {
    public let command: Command
    public let interpreter: CommandInterpreter
    public let context: CommandContext
    var output: CommandOutput
    public var effects = CommandEffects()

    init(command: Command, interpreter: CommandInterpreter, context: CommandContext) {
        self.command = command
        self.interpreter = interpreter
        self.context = context
        output = CommandOutput(sink: interpreter.outputSink)
    }

    public var document: Document { interpreter.document }

    /// The offset argument `name`, resolved against the file's size now; the cursor (or
    /// `fallback`) when it was left out.
    func offset(_ name: String, default fallback: Int? = nil) throws(EditorError) -> Int {
        guard let number = command.number(name) else {
            return fallback ?? context.cursor
        }
        return try interpreter.resolve(number, "\(command.name): \(name)")
    }

    /// A length argument, resolved like an offset; `fallback` when it was left out.
    func length(_ name: String, default fallback: Int) throws(EditorError) -> Int {
        guard let number = command.number(name) else { return fallback }
        return try interpreter.resolve(number, "\(command.name): \(name)")
    }

    /// Writes one line of output (stdout headless, the message line or a pager interactive).
    func line(_ text: String) throws(EditorError) {
        try output.line(text)
    }
}
