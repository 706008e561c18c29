import CNcurses
import HexEditor

/// Paints a `Screen` with ncurses: one colour pair (or attribute) per `Style`.
/// Only printable ASCII reaches the terminal.
struct ScreenPainter {
    /// Each style's attributes, by its raw value (an array: no hashing on the first frame).
    private let attributes: [attr_t]
    /// By raw value, the styles that paint a blank exactly as `.plain` does: no background of
    /// their own, no reverse video or underline (colours and bold or dim apply to the glyph only).
    private let blankLooksPlain: [Bool]

    /// Sets up colour pairs when `useColor`; otherwise styles map to plain attributes.
    /// `defaultBackground` is -1 (the terminal's own) when use_default_colors worked.
    init(useColor: Bool, defaultBackground: Int16 = -1) {
        let styles = Style.allCases
        var table = styles.map(ScreenPainter.monochrome)
        let visibleOnBlank = hm_a_reverse() | hm_a_underline()
        var blankLooksPlain = table.map { $0 & visibleOnBlank == 0 }
        if useColor {
            for style in styles {
                guard let (foreground, background, extra) = ScreenPainter.colors(style) else { continue }
                let ownBackground = background != -1 || (foreground != -1 && defaultBackground != -1)
                if ownBackground || extra & visibleOnBlank != 0 { blankLooksPlain[style.rawValue] = false }
                if foreground == -1 && background == -1 {
                    // The terminal's own colours: an attribute alone, no pair.
                    table[style.rawValue] = extra
                    continue
                }
                let pair = Int16(style.rawValue + 1)
                init_pair(pair, foreground, background == -1 ? defaultBackground : background)
                table[style.rawValue] = hm_color_pair(pair) | extra
            }
        }
        attributes = table
        self.blankLooksPlain = blankLooksPlain
    }

    /// Copies each row into the window as ncurses cells (`waddchnstr`: no character decoding,
    /// no attribute state), then updates the terminal.
    ///
    /// Plain blanks between two cells of one style take that style when they look the same
    /// (the spaces between dimmed `00`s, one or two): a row of zeros then goes out as one run,
    /// with no attribute change around every byte or group.
    func paint(_ screen: Screen, on window: UnsafeMutablePointer<WINDOW>) {
        werase(window)
        let width = screen.width
        var line = [chtype](repeating: 0, count: width)
        screen.cells.withUnsafeBufferPointer { cells in
            func isPlainBlank(_ index: Int) -> Bool { cells[index].style == .plain && cells[index].ascii == 0x20 }
            for row in 0..<screen.height where width > 0 {
                let first = row * width
                var runStyle = cells[first].style
                var column = 0
                while column < width {
                    if runStyle != .plain, blankLooksPlain[runStyle.rawValue], isPlainBlank(first + column) {
                        var end = column + 1
                        while end < width, isPlainBlank(first + end) { end += 1 }
                        if end < width, cells[first + end].style == runStyle {
                            for blank in column..<end { line[blank] = chtype(0x20) | attributes[runStyle.rawValue] }
                            column = end
                            continue
                        }
                    }
                    let cell = cells[first + column]
                    runStyle = cell.style
                    line[column] = chtype(cell.ascii) | attributes[cell.style.rawValue]
                    column += 1
                }
                // Writing the bottom-right cell scrolls some terminals; never write it.
                let count = row == screen.height - 1 ? width - 1 : width
                wmove(window, Int32(row), 0)
                _ = waddchnstr(window, line, Int32(count))
            }
        }
        if let position = screen.cursorPosition {
            curs_set(1)
            wmove(window, Int32(position.row), Int32(position.column))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Without colour (NO_COLOR or a monochrome terminal) the important styles
    /// still stand out through attributes; byte classes are plain (NO_COLOR turns them off).
    /// The selection is reverse video, so the cursor inside it is told apart by its
    /// underline and bold.
    private static func monochrome(_ style: Style) -> attr_t {
        switch style {
        case .statusLine, .title, .selection: hm_a_reverse()
        case .cursor: hm_a_reverse() | hm_a_bold() | hm_a_underline()
        case .cursorShadow, .pending: hm_a_underline()
        case .error, .changed: hm_a_bold()
        case .offset: hm_a_dim()
        default: hm_a_normal()
        }
    }

    /// Foreground, background (-1 = the terminal's default) and extra attributes.
    ///
    /// The byte classes (hexyl's) must stay readable on dark and light themes and with only
    /// the 8 basic colours, where hexyl's bright black, cyan and yellow vanish on some
    /// (hexyl #172, #229, #236). So they use no colour whose contrast depends on the theme's
    /// background: NUL is the terminal's own foreground dimmed (it recedes; a terminal
    /// without dim shows it plain, never invisible); printable ASCII is the terminal's own
    /// foreground in bold, so strings stand out in both panes on any background; ASCII
    /// whitespace is green and other ASCII (control bytes) magenta, the two basic hues that
    /// keep their contrast on black and on white in the common palettes (xterm, Tango,
    /// Solarized, macOS); non-ASCII, the bulk of binary data, stays the terminal's own
    /// foreground. Red is left to errors, yellow to changes. The highlights set both colours
    /// (selection white on blue, cursor black on cyan, changes black on yellow), so they
    /// show over any class and any theme.
    private static func colors(_ style: Style) -> (Int16, Int16, attr_t)? {
        let cyan = Int16(COLOR_CYAN)
        let green = Int16(COLOR_GREEN)
        let yellow = Int16(COLOR_YELLOW)
        let red = Int16(COLOR_RED)
        let blue = Int16(COLOR_BLUE)
        let magenta = Int16(COLOR_MAGENTA)
        let black = Int16(COLOR_BLACK)
        let white = Int16(COLOR_WHITE)
        switch style {
        case .plain: return nil
        case .offset: return (blue, -1, hm_a_normal())
        case .zeroByte: return (-1, -1, hm_a_dim())
        case .printableByte: return (-1, -1, hm_a_bold())
        case .whitespaceByte: return (green, -1, hm_a_normal())
        case .controlByte: return (magenta, -1, hm_a_normal())
        case .highByte: return nil
        case .cursor: return (black, cyan, hm_a_bold())
        case .cursorShadow: return (black, white, hm_a_normal())
        case .changed: return (black, yellow, hm_a_bold())
        case .selection: return (white, blue, hm_a_normal())
        case .pending: return (black, magenta, hm_a_bold())
        case .statusLine: return (black, white, hm_a_normal())
        case .message: return nil
        case .error: return (white, red, hm_a_bold())
        case .commandLine: return nil
        case .title: return (black, cyan, hm_a_bold())
        }
    }
}
