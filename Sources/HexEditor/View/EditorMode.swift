/// The editor's modes, vi-style: what the next key means.
public enum EditorMode: Equatable, Sendable {
    /// Keys move the cursor and start the other modes.
    case normal
    /// `R`: hex digits (hex pane) or text (text pane) overwrite at the cursor, which advances.
    case overwrite
    /// `r`: the next two hex digits (or one character in the text pane) replace one byte.
    case replaceByte
    /// `:`: typing a command.
    case commandLine
    /// `/`: typing a search pattern.
    case search
    /// Help or multi-line command output fills the screen until closed.
    case pager
}

/// What the event loop should do after a key.
public enum EditorAction: Equatable, Sendable {
    case none
    /// Repaint the whole terminal from scratch (Ctrl-L).
    case redraw
    /// Stop the process like a shell job (Ctrl-Z); the terminal is restored meanwhile.
    case suspend
    /// Leave the editor; any sync or discard the quit asked for is already done.
    case quit
}
