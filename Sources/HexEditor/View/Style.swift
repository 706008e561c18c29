/// What a cell on the screen means; the terminal backend picks colours and
/// attributes for each, so the editor never thinks in colour numbers.
/// Its raw value numbers it from 0, so a painter can keep a style's attributes in an array.
public enum Style: Int, Equatable, Hashable, Sendable, CaseIterable {
    case plain
    /// The offset column at the left of each row.
    case offset
    /// Byte classes, for the hex and text panes.
    case zeroByte, printableByte, whitespaceByte, controlByte, highByte
    /// The byte under the cursor in the active pane.
    case cursor
    /// The same byte in the other pane.
    case cursorShadow
    /// A byte another process changed since the previous frame (live view).
    case changed
    /// A selected byte (`v`, a drag), and the gaps between selected hex pairs.
    case selection
    /// A typed nibble not yet written (overwrite mode, first of two digits).
    case pending
    case statusLine
    case message
    case error
    case commandLine
    case title

    /// One letter per style, for the style map in screen snapshots.
    public var code: Character {
        switch self {
        case .plain: " "
        case .offset: "o"
        case .zeroByte: "0"
        case .printableByte: "p"
        case .whitespaceByte: "w"
        case .controlByte: "c"
        case .highByte: "h"
        case .cursor: "C"
        case .cursorShadow: "S"
        case .changed: "!"
        case .selection: "v"
        case .pending: "P"
        case .statusLine: "s"
        case .message: "m"
        case .error: "E"
        case .commandLine: ":"
        case .title: "T"
        }
    }
}
