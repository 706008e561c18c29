import CNcurses
import HexEditor

/// Paints a `Screen` with ncurses: one colour pair (or attribute) per `Style`.
/// Only printable ASCII reaches the terminal.
struct ScreenPainter {
    private let attributes: [Style: attr_t]

    /// Sets up colour pairs when `useColor`; otherwise styles map to plain attributes.
    /// `defaultBackground` is -1 (the terminal's own) when use_default_colors worked.
    init(useColor: Bool, defaultBackground: Int16 = -1) {
        var table: [Style: attr_t] = [:]
        for style in Style.allCases {
            table[style] = ScreenPainter.monochrome(style)
        }
        if useColor {
            for (index, style) in Style.allCases.enumerated() {
                guard let (foreground, background, extra) = ScreenPainter.colors(style) else { continue }
                let pair = Int16(index + 1)
                init_pair(pair, foreground, background == -1 ? defaultBackground : background)
                table[style] = hm_color_pair(pair) | extra
            }
        }
        attributes = table
    }

    func paint(_ screen: Screen, on window: UnsafeMutablePointer<WINDOW>) {
        werase(window)
        var buffer: [CChar] = []
        buffer.reserveCapacity(screen.width + 1)
        for row in 0..<screen.height {
            // Runs of one style go out as one string: fewer calls, same result.
            var column = 0
            while column < screen.width {
                let style = screen[row, column].style
                let start = column
                buffer.removeAll(keepingCapacity: true)
                while column < screen.width, screen[row, column].style == style {
                    buffer.append(ScreenPainter.asciiCode(screen[row, column].character))
                    column += 1
                }
                // Writing the bottom-right cell scrolls some terminals; never write it.
                if row == screen.height - 1, column == screen.width { buffer.removeLast() }
                guard !buffer.isEmpty else { continue }
                buffer.append(0)
                let attribute = attributes[style] ?? hm_a_normal()
                wattrset(window, Int32(bitPattern: attribute))
                _ = mvwaddnstr(window, Int32(row), Int32(start), buffer, Int32(buffer.count - 1))
            }
        }
        wattrset(window, Int32(bitPattern: hm_a_normal()))
        if let position = screen.cursorPosition {
            curs_set(1)
            wmove(window, Int32(position.row), Int32(position.column))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
    }

    private static func asciiCode(_ character: Character) -> CChar {
        guard let ascii = character.asciiValue, (0x20...0x7e).contains(ascii) else { return CChar(UInt8(ascii: "?")) }
        return CChar(ascii)
    }

    /// Without colour (NO_COLOR or a monochrome terminal) the important styles
    /// still stand out through attributes.
    private static func monochrome(_ style: Style) -> attr_t {
        switch style {
        case .cursor, .statusLine, .title: hm_a_reverse()
        case .cursorShadow, .pending: hm_a_underline()
        case .error, .changed: hm_a_bold()
        case .zeroByte, .offset: hm_a_dim()
        default: hm_a_normal()
        }
    }

    /// Foreground, background (-1 = the terminal's default) and extra attributes.
    private static func colors(_ style: Style) -> (Int16, Int16, attr_t)? {
        let cyan = Int16(COLOR_CYAN), green = Int16(COLOR_GREEN), yellow = Int16(COLOR_YELLOW)
        let red = Int16(COLOR_RED), blue = Int16(COLOR_BLUE), magenta = Int16(COLOR_MAGENTA)
        let black = Int16(COLOR_BLACK), white = Int16(COLOR_WHITE)
        switch style {
        case .plain: return nil
        case .offset: return (blue, -1, hm_a_normal())
        case .zeroByte: return (white, -1, hm_a_dim())
        case .printableByte: return (green, -1, hm_a_normal())
        case .whitespaceByte: return (cyan, -1, hm_a_normal())
        case .controlByte: return (magenta, -1, hm_a_normal())
        case .highByte: return (yellow, -1, hm_a_normal())
        case .cursor: return (black, cyan, hm_a_bold())
        case .cursorShadow: return (black, white, hm_a_normal())
        case .changed: return (black, yellow, hm_a_bold())
        case .pending: return (black, magenta, hm_a_bold())
        case .statusLine: return (black, white, hm_a_normal())
        case .message: return nil
        case .error: return (white, red, hm_a_bold())
        case .commandLine: return nil
        case .title: return (black, cyan, hm_a_bold())
        }
    }
}
