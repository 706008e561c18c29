/// One command of the `:` language, declared once: its names, its arguments, its help, and the
/// function that runs it. The parser, `help`, `help CMD`, `Resources/help.txt`, `hexmap --help`
/// and Tab completion all read these declarations (`CommandTable.all`).
public struct CommandDeclaration: Sendable {
    /// The name first, then aliases (`sync`, `w`).
    public let names: [String]
    public let grammar: CommandGrammar
    /// One line: what it does.
    public let summary: String
    /// More lines for `help CMD`, when one line is not enough.
    public let details: [String]
    /// A line that parses, for the help and for a test that every example round-trips.
    public let example: String
    /// Whether it may change the file (a run with such a command needs write access and the lock).
    public let changesFile: Bool
    /// Whether it scans the file from front to back (the editor turns readahead on meanwhile).
    public let scansFile: Bool
    let run: @Sendable (CommandRun) throws(EditorError) -> Void

    public init(
        names: [String], grammar: CommandGrammar = CommandGrammar(), summary: String, details: [String] = [],
        example: String, changesFile: Bool = false, scansFile: Bool = false,
        run: @escaping @Sendable (CommandRun) throws(EditorError) -> Void
    ) {
        self.names = names
        self.grammar = grammar
        self.summary = summary
        self.details = details
        self.example = example
        self.changesFile = changesFile
        self.scansFile = scansFile
        self.run = run
    }

    public var name: String { names[0] }

    /// `patch OFF BYTES`.
    public var usage: String {
        let arguments = grammar.usage
        return arguments.isEmpty ? name : "\(name) \(arguments)"
    }
}
