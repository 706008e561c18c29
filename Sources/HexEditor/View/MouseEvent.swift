/// One mouse event, independent of any terminal library: HexTerminal turns ncurses' mouse
/// reports into these (`Key.mouse`), tests build them directly.
public struct MouseEvent: Equatable, Hashable, Sendable {
    public enum Action: Equatable, Hashable, Sendable {
        /// The left button went down.
        case press
        /// The mouse moved with the left button down.
        case drag
        /// The left button came up.
        case release
        /// The wheel turned away from the user (scroll up) or toward them (scroll down).
        case wheelUp, wheelDown
    }

    public var action: Action
    /// The screen cell, from 0 at the top left.
    public var row: Int
    public var column: Int

    public init(_ action: Action, row: Int, column: Int) {
        self.action = action
        self.row = row
        self.column = column
    }
}
