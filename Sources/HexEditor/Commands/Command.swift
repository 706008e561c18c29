/// A number in a command: a plain value, or a distance back from the end of the file
/// (`$` is `.fromEnd(0)`, `$-16` is `.fromEnd(16)`), resolved against the size when it runs.
public enum NumberArgument: Equatable, Sendable {
    case value(Int)
    case fromEnd(Int)
}

/// Where `goto` moves the cursor: to a position, or by a distance (`+N`, `-N`).
public enum GotoTarget: Equatable, Sendable {
    case position(NumberArgument)
    case forward(Int)
    case backward(Int)
}

/// The `advise` hints, named as in the command language (madvise's MADV_*).
public enum AdviceHint: String, Equatable, Sendable, CaseIterable {
    case normal, random, sequential, willneed, dontneed
}

/// What a quit command asks for, once the interpreter has checked it is allowed.
public enum QuitRequest: Equatable, Sendable {
    /// `:q`: there were no unsynced edits.
    case normal
    /// `:q!`: unsynced edits have been rolled back.
    case force
    /// `:wq`: the mapping has been synced.
    case afterSync
}

/// One parsed line of the command language (DESIGN.md, "Command language").
public enum Command: Equatable, Sendable {
    case goto(GotoTarget)
    case patch(offset: NumberArgument, bytes: [UInt8])
    case fill(offset: NumberArgument, length: NumberArgument, byte: UInt8)
    case insert(offset: NumberArgument, bytes: [UInt8])
    case delete(offset: NumberArgument, length: NumberArgument)
    /// Missing offset: the cursor; missing length: `CommandInterpreter.defaultPrintLength`.
    case print(offset: NumberArgument?, length: NumberArgument?)
    /// Missing `from`: the cursor (a match at the cursor counts). `all` lists every match.
    case find(pattern: [UInt8], from: NumberArgument?, all: Bool)
    case sync(async: Bool)
    /// Missing offset: 0; missing length: to the end of the file.
    case advise(AdviceHint, offset: NumberArgument?, length: NumberArgument?)
    case resize(NumberArgument)
    case undo
    case redo
    case info
    case follow(Bool)
    case quit(QuitRequest)
    /// `set columns=N`; nil is `set columns=auto`.
    case setColumns(Int?)
    case help
    /// Re-reads the file's size and remaps if another process changed it.
    case reopen

    /// Whether the command changes the file's bytes or size (refused on a read-only file).
    public var isEdit: Bool {
        switch self {
        case .patch, .fill, .insert, .delete, .resize, .undo, .redo: true
        default: false
        }
    }
}
