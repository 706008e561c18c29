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

    /// The offset argument `name`, resolved against the file's size now. Left out: the
    /// selection's first byte when the grammar lets the selection stand in for it (see
    /// `SelectionUse`), else the cursor (or `fallback`).
    func offset(_ name: String, default fallback: Int? = nil) throws(EditorError) -> Int {
        guard let number = command.number(name) else {
            if selectionUse?.startName == name, let range = selectedRange() { return range.lowerBound }
            try requireArgument(name)
            return fallback ?? context.cursor
        }
        return try interpreter.resolve(number, "\(command.name): \(name)")
    }

    /// A length argument, resolved like an offset. Left out: the selection's length when it
    /// stands in for the range, else `fallback`.
    func length(_ name: String, default fallback: Int) throws(EditorError) -> Int {
        guard let number = command.number(name) else {
            if case .range(_, let length)? = selectionUse, length == name, let range = selectedRange() {
                return range.count
            }
            try requireArgument(name)
            return fallback
        }
        return try interpreter.resolve(number, "\(command.name): \(name)")
    }

    /// An end offset (`find ... to OFF`). Left out: the selection's end (exclusive) when it
    /// stands in for the bounds, else nil.
    func end(_ name: String) throws(EditorError) -> Int? {
        guard let number = command.number(name) else {
            if case .bounds(_, let to)? = selectionUse, to == name, let range = selectedRange() {
                return range.upperBound
            }
            return nil
        }
        return try interpreter.resolve(number, "\(command.name): \(name)")
    }

    /// The caller's selection, when this command's grammar lets it stand in and none of the
    /// arguments it stands for were given; nil otherwise. Taking it tells the editor
    /// (`effects.usedSelection`), which then ends it.
    public func selectedRange() -> Range<Int>? {
        guard let use = selectionUse, let selection = context.selection,
            use.names.allSatisfy({ command.arguments[$0] == nil })
        else { return nil }
        effects.usedSelection = true
        return selection
    }

    private var selectionUse: SelectionUse? { command.declaration?.grammar.selection }

    /// A required positional is missing only when the parser let the selection stand in for
    /// it (`fill 00`); with nothing selected that is an error, not a default.
    private func requireArgument(_ name: String) throws(EditorError) {
        guard let grammar = command.declaration?.grammar,
            grammar.positionals.contains(where: { $0.name == name && !$0.optional })
        else { return }
        let names = (grammar.selection?.names ?? [name]).joined(separator: " ")
        throw EditorError(
            "\(command.name): nothing is selected: give \(names), or select bytes first (v in the editor)")
    }

    /// Writes one line of output (stdout headless, the message line or a pager interactive).
    func line(_ text: String) throws(EditorError) {
        try output.line(text)
    }
}
