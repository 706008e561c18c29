/// Where everything goes on a screen of a given size, for a file of a given size.
///
/// A data row looks like hexdump -C:
/// `00000010  48 65 6c 6c 6f 20 77 6f  72 6c 64 21 0a 00 00 00  |Hello world!....|`
/// Bytes per row is the largest power of two from 8 up that fits the width
/// (4 on very narrow terminals), or the user's `:set columns=N` when it fits.
/// The last two rows are the status line and the message / command line.
public struct Layout: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public let bytesPerRow: Int
    /// Bytes per group; groups are separated by an extra space (and `w`/`b` jump by them).
    public let groupSize: Int
    /// Hex digits of the offset column: 8, or more when the file needs them.
    public let offsetDigits: Int
    /// Rows of file data above the status line.
    public let dataRows: Int
    /// False when the user asked for a column count that does not fit the width.
    public let requestedColumnsFit: Bool

    /// The smallest usable terminal; below it the editor shows "terminal too small".
    public static let minimumHeight = 3
    static let fallbackColumns = 4
    static let preferredColumns = [256, 128, 64, 32, 16, 8]

    /// Nil when the terminal is too small to show even `fallbackColumns` bytes a row.
    /// `reservedColumns` at the right and `reservedRows` under the data rows are left to
    /// panels (the inspector, a struct): the rows fit in what remains.
    public init?(
        width: Int, height: Int, fileSize: Int, requestedColumns: Int? = nil, reservedColumns: Int = 0,
        reservedRows: Int = 0
    ) {
        let digits = Layout.offsetDigits(forFileSize: fileSize)
        guard height >= Layout.minimumHeight, height - 2 - reservedRows >= 1 else { return nil }
        let fits = { (columns: Int) in
            Layout.rowWidth(bytesPerRow: columns, offsetDigits: digits) <= width - reservedColumns
        }
        var chosen: Int?
        var requestedFits = true
        if let requested = requestedColumns, requested > 0 {
            if fits(requested) { chosen = requested } else { requestedFits = false }
        }
        if chosen == nil {
            chosen = (Layout.preferredColumns + [Layout.fallbackColumns]).first(where: fits)
        }
        guard let bytesPerRow = chosen else { return nil }
        self.width = width
        self.height = height
        self.bytesPerRow = bytesPerRow
        self.groupSize = min(8, bytesPerRow)
        self.offsetDigits = digits
        self.dataRows = height - 2 - reservedRows
        self.requestedColumnsFit = requestedFits
    }

    public var bytesPerPage: Int { bytesPerRow * dataRows }
    public var statusRow: Int { height - 2 }
    public var messageRow: Int { height - 1 }

    /// Column of the first hex digit of byte `index` (0-based within the row).
    public func hexColumn(ofByte index: Int) -> Int {
        offsetDigits + 2 + 3 * index + index / groupSize
    }

    /// Column of the opening `|` of the text pane.
    public var textPaneBar: Int { hexColumn(ofByte: bytesPerRow - 1) + 2 + 2 }

    /// Column of byte `index` in the text pane.
    public func textColumn(ofByte index: Int) -> Int { textPaneBar + 1 + index }

    /// Characters one data row needs.
    public var rowWidth: Int { Layout.rowWidth(bytesPerRow: bytesPerRow, offsetDigits: offsetDigits) }

    static func rowWidth(bytesPerRow: Int, offsetDigits: Int) -> Int {
        let groups = (bytesPerRow + min(8, bytesPerRow) - 1) / min(8, bytesPerRow)
        let hexPane = 3 * bytesPerRow - 1 + (groups - 1)
        return offsetDigits + 2 + hexPane + 2 + 1 + bytesPerRow + 1
    }

    /// 8 digits for files up to 4 GiB, more for larger ones (a 100 GiB file needs 10).
    static func offsetDigits(forFileSize size: Int) -> Int {
        let largest = UInt64(max(size - 1, 0))
        let digits = largest == 0 ? 1 : (64 - largest.leadingZeroBitCount + 3) / 4
        return max(8, digits)
    }

    /// The row (0-based from the start of the file) holding `offset`.
    public func row(of offset: Int) -> Int { offset / bytesPerRow }
}
