import CNcurses
import HexEditor

/// Turns ncurses input into `Key` values.
enum KeyDecoder {
    /// Waits up to the window's timeout for input; empty when none came. Usually one key; a
    /// burst of mouse reports may come as several (see `mouseEvents`).
    static func next(from window: UnsafeMutablePointer<WINDOW>) -> [Key] {
        let input = wgetch(window)
        switch input {
        case ERR: return []
        case KEY_MOUSE: return mouseEvents()
        case 0x80...0xFF: return utf8Character(startingWith: UInt8(input), from: window).map { [$0] } ?? []
        case 0..<0x80: return decode(character: UInt32(input)).map { [$0] } ?? []
        default: return decode(keyCode: input).map { [$0] } ?? []
        }
    }

    /// The character whose UTF-8 encoding starts with `lead`: its other bytes came with it (a
    /// terminal sends a character in one write), so the window's own timeout is enough. nil
    /// for a malformed sequence (it is dropped; a byte after it that is not part of it is put
    /// back).
    ///
    /// ncurses' narrow build hands out bytes; its wide build would decode them itself, but
    /// keeps every screen cell seven times as large, which a start-up pays for in memory.
    static func utf8Character(startingWith lead: UInt8, from window: UnsafeMutablePointer<WINDOW>) -> Key? {
        let length =
            switch lead {
            case 0xC2...0xDF: 2
            case 0xE0...0xEF: 3
            case 0xF0...0xF4: 4
            default: 0
            }
        guard length > 0 else { return nil }
        var bytes = [lead]
        while bytes.count < length {
            let next = wgetch(window)
            guard (0x80...0xBF).contains(next) else {
                if next != ERR { ungetch(next) }
                return nil
            }
            bytes.append(UInt8(next))
        }
        return decodeUTF8(bytes)
    }

    /// One whole UTF-8 character as a key; nil unless `bytes` are exactly one valid character.
    static func decodeUTF8(_ bytes: [UInt8]) -> Key? {
        // Decoding repairs what is malformed, so the bytes come back unchanged only when valid.
        let text = String(decoding: bytes, as: UTF8.self)
        guard Array(text.utf8) == bytes, text.unicodeScalars.count == 1 else { return nil }
        return text.unicodeScalars.first.flatMap { decode(character: $0.value) }
    }

    /// A function-key code (`KEY_UP`, `KEY_F(1)` …).
    static func decode(keyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case hm_key_f(1)...hm_key_f(63): return .function(Int(code - hm_key_f(0)))
        default: return nil
        }
    }

    /// The mouse events ncurses has after `KEY_MOUSE`, oldest first. Reports that arrive
    /// together (a quick click is a press and a release) come under one `KEY_MOUSE`, and
    /// `getmouse` hands them out newest first, so all are taken and turned around; taking
    /// only one would lose a release and leave the editor dragging.
    static func mouseEvents() -> [Key] {
        var events: [Key] = []
        var row: Int32 = 0
        var column: Int32 = 0
        while true {
            let action: MouseEvent.Action
            switch hm_get_mouse(&row, &column) {
            case -1: return events.reversed()
            case HM_MOUSE_PRESS: action = .press
            case HM_MOUSE_RELEASE: action = .release
            case HM_MOUSE_MOTION: action = .drag
            case HM_MOUSE_WHEEL_UP: action = .wheelUp
            case HM_MOUSE_WHEEL_DOWN: action = .wheelDown
            default: continue
            }
            events.append(.mouse(MouseEvent(action, row: Int(row), column: Int(column))))
        }
    }

    /// A plain character, where control codes stand for keys.
    static func decode(character value: UInt32) -> Key? {
        switch value {
        case 27: return .escape
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26: return .control(Character(UnicodeScalar(UInt8(value) + 0x60)))
        default:
            guard let scalar = UnicodeScalar(value), value >= 0x20 else { return nil }
            return .character(Character(scalar))
        }
    }
}
