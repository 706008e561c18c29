/// The selection, the register and the marks in the editor (DESIGN.md, "Selection,
/// registers, marks"): `v`, `y`, `p`, `m` + letter, `'` + letter, Esc. The keys run the
/// same commands as the `:` line (`yank`, `paste`, `mark`, `goto 'a`), through the one
/// interpreter, so the register and the marks are the ones `:` commands see.
extension EditorState {
    /// The selected bytes (both ends included); nil when nothing is selected.
    public var selectedBytes: ClosedRange<Int>? {
        selection?.range(cursor: cursor, size: document.size)
    }

    /// The selection as a command's range (`CommandContext.selection`).
    var selectionForCommands: Range<Int>? {
        selectedBytes.map { $0.lowerBound..<$0.upperBound + 1 }
    }

    /// The text a yank asked to put on the system clipboard, once: the terminal backend sends
    /// it (OSC 52), the model never writes to a terminal.
    public func takeClipboardRequest() -> String? {
        defer { clipboardRequest = nil }
        return clipboardRequest
    }

    /// `v`: starts a selection at the cursor, or ends the one there is.
    func toggleSelection() {
        if selection == nil {
            selection = Selection(anchor: cursor)
        } else {
            selection = nil
        }
    }

    /// `y`: yanks the selection, or without one the byte under the cursor (as `v` `y` would).
    func yankKey() -> EditorAction {
        if selection != nil { return run(Command("yank")) }
        let count = document.size == 0 ? 0 : 1
        return run(Command("yank", ["OFF": .number(.value(cursor)), "LEN": .number(.value(count))]))
    }

    /// `m` and `'` wait for the letter that names the mark.
    func startMarkKey(_ key: Character) {
        pendingMarkKey = key
        message = .init(
            key == "m" ? "m: type a letter to set that mark here" : "': type the letter of a mark to jump to it")
    }

    /// The letter after `m` (set the mark at the cursor) or `'` (jump to it).
    func finishMarkKey(_ key: Key) -> EditorAction {
        guard let prefix = pendingMarkKey else { return .none }
        pendingMarkKey = nil
        message = nil
        guard case .character(let letter) = key, let name = Marks.name(String(letter)) else {
            if key != .escape { message = .init("a mark is named by a letter (a-z, A-Z)", isError: true) }
            return .none
        }
        if prefix == "m" {
            return run(Command("mark", ["NAME": .word(String(name))]))
        }
        leaveFollowModeForMotion()
        return run(Command("goto", ["OFF": .goto(.position(.mark(name)))]))
    }

    /// What a command asked of the selection, and of the settings that live in the editor.
    func applySelectionEffects(_ effects: CommandEffects, of command: Command) {
        // Like vi's : in visual mode: a command that used the selection ends it; so does an
        // edit, whose bytes the selection no longer describes.
        if effects.usedSelection || command.changesFile { selection = nil }
        if let colors = effects.colors { showsByteClasses = colors }
        if let mouse = effects.mouse { mouseEnabled = mouse }
        if let text = effects.clipboard { clipboardRequest = text }
    }

    /// The status line's item while bytes are selected: `sel 0x10-0x1f (16 bytes)`.
    var selectionStatus: String? {
        selectedBytes.map(Selection.statusText)
    }

    /// Output lines wider than the terminal, wrapped (one long line goes to the pager
    /// then, not the message line, where it would be cut): `print ... as hex` is one line.
    func wrappedToScreen(_ lines: [String]) -> [String] {
        let width = max(8, self.width)
        guard lines.contains(where: { $0.count > width }) else { return lines }
        var wrapped: [String] = []
        for line in lines {
            var rest = Substring(line)
            repeat {
                wrapped.append(String(rest.prefix(width)))
                rest = rest.dropFirst(width)
            } while !rest.isEmpty
        }
        return wrapped
    }
}
