/// The two panes a byte shows in; keys edit in the active one.
public enum Pane: Equatable, Sendable {
    case hex, text

    var other: Pane { self == .hex ? .text : .hex }
}
