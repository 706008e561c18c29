/// A number in a command: a plain value, a distance back from the end of the file
/// (`$` is `.fromEnd(0)`, `$-16` is `.fromEnd(16)`), or a mark (`'a`), resolved when it runs.
public enum NumberArgument: Equatable, Sendable {
    case value(Int)
    case fromEnd(Int)
    /// The offset `mark NAME` (or the `m` key) gave the letter.
    case mark(Character)
}

/// Where `goto` moves the cursor: to a position, or by a distance (`+N`, `-N`).
public enum GotoTarget: Equatable, Sendable {
    case position(NumberArgument)
    case forward(Int)
    case backward(Int)
}

/// One argument of a parsed command, as its grammar parameter's kind made it.
public enum CommandArgument: Equatable, Sendable {
    case number(NumberArgument)
    case goto(GotoTarget)
    case bytes([UInt8])
    case byte(UInt8)
    case pattern(BytePattern)
    /// A word (a choice such as `willneed`, a name, a setting's value).
    case word(String)
    /// An option keyword given on its own (`async`, `all`).
    case flag
}

/// One parsed line of the command language: which declaration it runs, and its arguments by
/// their names in the declaration's grammar (`OFF`, `BYTES`, `async`).
///
/// Keys build these directly (`u` is `Command("undo")`); the `:` line, scripts and the REPL
/// get them from `CommandParser`. Either way they run through `CommandInterpreter`.
public struct Command: Equatable, Sendable {
    /// The declaration's first name (`sync` for `w` too).
    public let name: String
    public var arguments: [String: CommandArgument]

    public init(_ name: String, _ arguments: [String: CommandArgument] = [:]) {
        self.name = name
        self.arguments = arguments
    }

    /// The declaration this command runs; every parsed command has one.
    public var declaration: CommandDeclaration? { CommandTable.declaration(named: name) }

    /// Whether running it may change the file (such a run needs write access and the lock).
    public var changesFile: Bool { declaration?.changesFile ?? false }

    public func number(_ name: String) -> NumberArgument? {
        if case .number(let value) = arguments[name] { return value }
        return nil
    }

    public func goto(_ name: String) -> GotoTarget? {
        if case .goto(let value) = arguments[name] { return value }
        return nil
    }

    public func bytes(_ name: String) -> [UInt8]? {
        if case .bytes(let value) = arguments[name] { return value }
        return nil
    }

    public func pattern(_ name: String) -> BytePattern? {
        if case .pattern(let value) = arguments[name] { return value }
        return nil
    }

    public func byte(_ name: String) -> UInt8? {
        if case .byte(let value) = arguments[name] { return value }
        return nil
    }

    public func word(_ name: String) -> String? {
        if case .word(let value) = arguments[name] { return value }
        return nil
    }

    /// Whether the option keyword `name` was given.
    public func flag(_ name: String) -> Bool {
        arguments[name] != nil
    }
}
