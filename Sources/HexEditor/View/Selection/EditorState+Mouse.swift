/// The mouse (`:set mouse on`, the default): a click moves the cursor to the byte under it
/// in either pane, a drag selects from the byte pressed to the byte under the pointer, the
/// wheel scrolls three rows. Events arrive as `Key.mouse` from the terminal backend.
extension EditorState {
    /// Rows the wheel scrolls at a time.
    static let wheelRows = 3

    /// Handles a mouse event as a motion; false when it moved nothing (off the bytes).
    func moveCursor(forMouse event: MouseEvent) -> Bool {
        guard mouseEnabled, let layout else { return false }
        switch event.action {
        case .wheelUp, .wheelDown:
            let rows = min(Self.wheelRows, max(1, layout.dataRows - 1))
            // As Ctrl-D and Ctrl-U do: the view and the cursor move together.
            let delta = rows * layout.bytesPerRow
            page(by: event.action == .wheelUp ? -delta : delta)
            return true
        case .release:
            defer { dragOrigin = nil }
            // Terminals that report no motion still say where the button came up.
            guard let origin = dragOrigin, let target = byte(at: event, layout: layout), target.offset != origin
            else { return false }
            select(from: origin, to: target)
            return true
        case .press where dragOrigin == nil:
            guard let target = byte(at: event, layout: layout) else { return false }
            // A click ends any selection; a drag from here starts a new one.
            selection = nil
            dragOrigin = target.offset
            cursor = target.offset
            pane = target.pane
            return true
        case .press, .drag:
            // Some terminals report a drag as presses while the button is held.
            guard let origin = dragOrigin, let target = byte(at: event, layout: layout, clampRow: true) else {
                return false
            }
            select(from: origin, to: target)
            return true
        }
    }

    /// Moves the cursor to `target`; in normal mode the bytes from `origin` are selected
    /// (overwrite mode only moves: typing there writes at the cursor).
    private func select(from origin: Int, to target: (offset: Int, pane: Pane)) {
        if mode == .normal, selection?.anchor != origin { selection = Selection(anchor: origin) }
        cursor = target.offset
        pane = target.pane
    }

    /// The file offset under the event, or the last byte when it points past the end; with
    /// `clampRow`, a drag above or below the rows stays on the first or last row.
    private func byte(at event: MouseEvent, layout: Layout, clampRow: Bool = false) -> (offset: Int, pane: Pane)? {
        let size = document.size
        guard size > 0 else { return nil }
        let row = clampRow ? min(max(event.row, 0), layout.dataRows - 1) : event.row
        guard let hit = layout.byte(atRow: row, column: event.column) else { return nil }
        return (min(top + hit.index, size - 1), hit.pane)
    }
}
