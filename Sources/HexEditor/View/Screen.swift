/// One character cell of a `Screen`.
public struct Cell: Equatable, Hashable, Sendable {
    /// Always printable ASCII: the renderer never puts file content here raw. A byte, not a
    /// `Character`, so a frame is a flat array of two-byte cells the painter reads directly.
    public private(set) var ascii: UInt8
    public var style: Style

    /// The cell's character; anything but printable ASCII is stored as `.`.
    public var character: Character {
        get { Character(Unicode.Scalar(ascii)) }
        set { ascii = Cell(newValue).ascii }
    }

    public init(_ character: Character = " ", style: Style = .plain) {
        self.init(ascii: character.asciiValue ?? 0, style: style)
    }

    /// A cell from an ASCII code; anything but printable ASCII is stored as `.`.
    public init(ascii: UInt8, style: Style = .plain) {
        self.ascii = (0x20...0x7e).contains(ascii) ? ascii : UInt8(ascii: ".")
        self.style = style
    }
}

/// A whole frame as rows of styled cells: what the editor shows, without a terminal.
///
/// The terminal backend paints it; tests compare its `text` and `styleMap`.
public struct Screen: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major, `width * height` cells.
    public private(set) var cells: [Cell]
    /// Where the terminal's own cursor should blink (the command line), or nil to hide it.
    public var cursorPosition: (row: Int, column: Int)? {
        get { cursorRow.map { ($0, cursorColumn) } }
        set {
            cursorRow = newValue?.row
            cursorColumn = newValue?.column ?? 0
        }
    }
    private var cursorRow: Int?
    private var cursorColumn = 0

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set {
            guard (0..<height).contains(row), (0..<width).contains(column) else { return }
            cells[row * width + column] = newValue
        }
    }

    /// Writes `string` from (row, column), clipped at the right edge, one cell per
    /// character; anything but printable ASCII is written as `.` (a file name or a
    /// typed character never reaches the terminal raw). Returns the column after
    /// the last character written, so callers can continue a line.
    @discardableResult
    public mutating func put(_ string: String, row: Int, column: Int, style: Style = .plain) -> Int {
        var x = column
        guard (0..<height).contains(row) else { return x + string.count }
        // Printable ASCII (nearly every string drawn) is one cell per UTF-8 byte; anything else
        // goes a Character at a time, so a multi-byte character still takes one cell.
        let printableASCII = string.utf8.allSatisfy { (0x20...0x7e).contains($0) }
        if printableASCII {
            for code in string.utf8 {
                if x >= width { break }
                if x >= 0 { cells[row * width + x] = Cell(ascii: code, style: style) }
                x += 1
            }
            return x
        }
        for character in string {
            if x >= width { break }
            if x >= 0 { cells[row * width + x] = Cell(character, style: style) }
            x += 1
        }
        return x
    }

    /// Paints `style` over `count` cells from (row, column), keeping their characters.
    public mutating func restyle(row: Int, column: Int, count: Int, style: Style) {
        guard (0..<height).contains(row) else { return }
        for x in max(0, column)..<min(width, column + count) {
            cells[row * width + x].style = style
        }
    }

    /// Fills a whole row with `style` (spaces), for bars such as the status line.
    public mutating func fillRow(_ row: Int, style: Style) {
        guard (0..<height).contains(row) else { return }
        for x in 0..<width { cells[row * width + x] = Cell(ascii: UInt8(ascii: " "), style: style) }
    }

    /// The characters of one row.
    public func line(_ row: Int) -> String {
        String(decoding: cells[(row * width)..<((row + 1) * width)].map { $0.ascii }, as: UTF8.self)
    }

    /// The screen as text, one line per row, trailing spaces removed.
    public var text: String {
        (0..<height).map { trimmingTrailingSpaces(line($0)) }.joined(separator: "\n")
    }

    /// One `Style.code` letter per cell, trailing plain cells removed: lets a
    /// snapshot pin down colours and highlighting, not just characters.
    public var styleMap: String {
        (0..<height).map { row in
            trimmingTrailingSpaces(String(cells[(row * width)..<((row + 1) * width)].map(\.style.code)))
        }.joined(separator: "\n")
    }

    public static func == (lhs: Screen, rhs: Screen) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.cursorRow == rhs.cursorRow && lhs.cursorColumn == rhs.cursorColumn
    }
}

private func trimmingTrailingSpaces(_ line: String) -> String {
    var result = Substring(line)
    while result.last == " " { result.removeLast() }
    return String(result)
}
