import HexDump

/// `R` (overwrite mode) and `r` (replace one byte). Every byte typed is one
/// `Document.overwrite`, so it lands in the mapping and in the undo journal.
extension EditorState {
    func enterEditingMode(_ newMode: EditorMode) {
        if document.isReadOnly {
            message = .init(document.readOnlyNotice ?? "the file is open read-only", isError: true)
            return
        }
        if document.size == 0 {
            message = .init("the file is empty: :resize SIZE grows it first", isError: true)
            return
        }
        message = nil
        pendingHighNibble = nil
        mode = newMode
        // Typing edits bytes: a selection would no longer describe them.
        selection = nil
    }

    func handleOverwrite(_ key: Key) {
        switch key {
        case .escape, .control("c"):
            commitPendingNibble()
            mode = .normal
            return
        case .tab, .backTab:
            commitPendingNibble()
            pane = pane.other
            return
        case .backspace:
            commitPendingNibble()
            cursor -= 1
            clampCursor()
            return
        default: break
        }
        if key.isMotionInOverwriteMode {
            commitPendingNibble()
            _ = moveCursor(for: key)
            return
        }
        switch pane {
        case .hex:
            guard let digit = key.hexDigitValue else {
                return rejectKey(key, hint: "type hex digits 0-9 a-f; Esc leaves overwrite mode")
            }
            if let high = pendingHighNibble {
                pendingHighNibble = nil
                if write(high << 4 | digit) { advance() }
            } else {
                pendingHighNibble = digit
            }
        case .text:
            guard let byte = key.printableASCII else {
                if key.isNonASCIICharacter {
                    return rejectKey(key, hint: Self.nonASCIIHint + "; Esc leaves overwrite mode")
                }
                return rejectKey(key, hint: "type printable text; Esc leaves overwrite mode")
            }
            if write(byte) { advance() }
        }
    }

    func handleReplaceByte(_ key: Key) {
        // The mouse waits until the byte is typed.
        if case .mouse = key { return }
        if key == .escape || key == .control("c") {
            pendingHighNibble = nil
            mode = .normal
            return
        }
        switch pane {
        case .hex:
            guard let digit = key.hexDigitValue else {
                pendingHighNibble = nil
                mode = .normal
                return rejectKey(key, hint: "r needs two hex digits")
            }
            if let high = pendingHighNibble {
                pendingHighNibble = nil
                mode = .normal
                write(high << 4 | digit)
            } else {
                pendingHighNibble = digit
            }
        case .text:
            mode = .normal
            guard let byte = key.printableASCII else {
                return rejectKey(
                    key, hint: key.isNonASCIICharacter ? Self.nonASCIIHint : "r needs a printable character")
            }
            write(byte)
        }
    }

    /// Writes one byte at the cursor through the document. False (and an error
    /// message) when the document refused it; nothing changed then.
    @discardableResult
    private func write(_ byte: UInt8) -> Bool {
        do {
            try document.overwrite(at: cursor, with: [byte])
            message = nil
            return true
        } catch {
            show(error)
            mode = .normal
            return false
        }
    }

    /// The cursor moves on after a byte; at the last byte it stays (overwriting never grows the file).
    private func advance() {
        if cursor + 1 < document.size {
            cursor += 1
        } else {
            message = .init("end of file: overwriting never grows it (:resize does)")
        }
    }

    /// A half-typed byte (one hex digit) is written as typed when the user moves
    /// on, keeping the low nibble, so what the screen showed is what the file holds.
    func commitPendingNibble() {
        guard let high = pendingHighNibble else { return }
        pendingHighNibble = nil
        do {
            let old = try document.read(at: cursor, count: 1)
            guard let byte = old.first else { return }
            try document.overwrite(at: cursor, with: [high << 4 | (byte & 0x0f)])
        } catch {
            show(error)
        }
    }

    /// Why a character such as é does nothing in the text pane.
    static let nonASCIIHint =
        "the text pane writes one byte per key, so only ASCII can be typed there (type other bytes in hex: Tab)"

    private func rejectKey(_ key: Key, hint: String) {
        message = .init("\(key.displayName) is not accepted here: \(hint)", isError: true)
    }
}

extension Key {
    /// Keys that move the cursor even in overwrite mode, where letters are data.
    var isMotionInOverwriteMode: Bool {
        switch self {
        case .up, .down, .left, .right, .pageUp, .pageDown, .home, .end,
            .control("d"), .control("u"), .control("f"), .control("b"), .mouse:
            true
        default: false
        }
    }

    /// A typed character outside ASCII (é, €, an emoji).
    var isNonASCIICharacter: Bool {
        if case .character(let character) = self { return !character.isASCII }
        return false
    }

    /// How a key is named in messages.
    var displayName: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character) where isNonASCIICharacter:
            // The message line shows only ASCII, so name the character by its code point.
            "U+"
                + Hex.number(character.unicodeScalars.first!.value, uppercase: true)
                .leftPadded(to: 4) + " (not ASCII)"
        case .character(let character):
            character.asciiValue.map { (0x21...0x7e).contains($0) } == true ? "'\(character)'" : "that key"
        case .control(let letter): "Ctrl-\(letter.uppercased())"
        case .function(let number): "F\(number)"
        case .enter: "Enter"
        case .delete: "Delete"
        default: "that key"
        }
    }
}

extension String {
    /// The string with zeros in front up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
