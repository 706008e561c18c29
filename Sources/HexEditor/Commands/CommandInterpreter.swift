import IOMMap

/// Runs commands against a document. The interactive `:` line, keys, the REPL and headless
/// scripts all come here, so a command behaves the same everywhere. What each command does
/// is its declaration's function (`Table/`); this class resolves numbers and collects output.
public final class CommandInterpreter {
    /// `print` without a length shows this many bytes (16 xxd lines).
    public static let defaultPrintLength = 256
    /// Without a sink, output is kept in memory for the caller; larger prints are refused.
    public static let collectedPrintLimit = 1 << 20

    public let document: Document
    /// The session's marks (`mark`, `m`, `'a`), yank register and clipboard setting: they
    /// live here, so scripts and the REPL have them as the editor does.
    public var marks = Marks()
    public var register = Register()
    /// `set clipboard on`: a yank also asks the terminal to put the bytes, as hex, on the
    /// system clipboard (OSC 52; only where there is a terminal to ask).
    public var copiesToClipboard = false
    /// When set, command output (print, find, info, help) streams here (headless and the
    /// REPL) instead of being returned in `CommandEffects.output`.
    public var outputSink: (any OutputSink)?
    /// The named structs `struct NAME` finds, with those `struct define` added this session.
    public var structLibrary = StructLibrary.standard

    public init(document: Document) {
        self.document = document
    }

    /// Parses and runs one line typed at the `:` prompt. A syntax error becomes an
    /// `EditorError` whose message names the column.
    public func run(line: String, context: CommandContext) throws(EditorError) -> CommandEffects {
        let command: Command?
        do {
            command = try CommandParser.parse(line: line)
        } catch {
            throw EditorError("column \(error.column): \(error.message)")
        }
        guard let command else { return CommandEffects() }
        return try run(command, context: context)
    }

    public func run(_ command: Command, context: CommandContext) throws(EditorError) -> CommandEffects {
        guard let declaration = command.declaration else {
            throw EditorError("unknown command '\(command.name)' (try: help)")
        }
        let run = CommandRun(command: command, interpreter: self, context: context)
        do {
            try declaration.run(run)
        } catch {
            try? run.output.flush()  // what was found before the failure still gets out
            throw error
        }
        try run.output.flush()
        run.effects.output = run.output.collected
        return run.effects
    }

    /// The value of `number` for the current size.
    func resolve(_ number: NumberArgument, _ what: String) throws(EditorError) -> Int {
        switch number {
        case .value(let value):
            return value
        case .fromEnd(let distance):
            let size = try document.currentSize()
            guard distance <= size else {
                throw EditorError("\(what): $-\(distance) is before the start of the file (size \(size))")
            }
            return size - distance
        case .mark(let name):
            guard let offset = marks[name] else {
                throw EditorError("\(what): mark '\(name) is not set (m\(name) or :mark \(name) sets it)")
            }
            let size = try document.currentSize()
            guard offset <= size else {
                throw EditorError("\(what): mark '\(name) (\(hex(offset))) is past the end of the file (size \(size))")
            }
            return offset
        }
    }
}
