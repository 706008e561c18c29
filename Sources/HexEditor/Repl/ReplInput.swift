/// Where the REPL's lines come from: a pipe here, the terminal's line editor in HexTerminal,
/// a list in tests.
public protocol ReplInput: AnyObject {
    /// The next line, without its newline.
    func nextLine() -> ReplLine
    /// Whether a person types at it (a prompt, line editing, Ctrl-C cancels a line).
    var isTerminal: Bool { get }
}

/// What reading a line gave.
public enum ReplLine: Equatable, Sendable {
    case line([UInt8])
    /// The line being typed was cancelled (Ctrl-C at the prompt).
    case cancelled
    /// The input ended (end of file, Ctrl-D).
    case end
}
