import CNcurses
import HexEditor

/// Turns ncurses input into `Key` values.
enum KeyDecoder {
    /// Waits up to the window's timeout for one key; nil when none came.
    static func next(from window: UnsafeMutablePointer<WINDOW>) -> Key? {
        var input: wint_t = 0
        switch wget_wch(window, &input) {
        case KEY_CODE_YES: return decode(keyCode: Int32(input))
        case OK: return decode(character: UInt32(input))
        default: return nil
        }
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
