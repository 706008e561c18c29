import HexEditor

extension InteractiveEditor {
    /// What the editor asked of the terminal since the last look: mouse reporting on or off
    /// (`:set mouse`), text for the system clipboard (`:yank` with `:set clipboard on`).
    static func carryOutRequests(of state: EditorState, on session: TerminalSession) {
        session.setMouse(state.mouseEnabled)
        if let text = state.takeClipboardRequest() { session.copyToClipboard(text) }
    }
}
