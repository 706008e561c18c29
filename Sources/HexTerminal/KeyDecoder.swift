import CNcurses
import HexEditor

/// Turns ncurses input into `Key` values.
enum KeyDecoder {
    /// Waits up to the window's timeout for input; empty when none came. Usually one key; a
    /// burst of mouse reports may come as several (see `mouseEvents`).
    static func next(from window: UnsafeMutablePointer<WINDOW>) -> [Key] {
        var input: wint_t = 0
        switch wget_wch(window, &input) {
        case KEY_CODE_YES where Int32(input) == KEY_MOUSE: return mouseEvents()
        case KEY_CODE_YES: return decode(keyCode: Int32(input)).map { [$0] } ?? []
        case OK: return decode(character: UInt32(input)).map { [$0] } ?? []
        default: return []
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
