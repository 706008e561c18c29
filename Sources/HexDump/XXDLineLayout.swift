/// Where each byte of a line lands, measured from the end of the offset column (`00000000:`).
///
/// The positions are xxd's own formulas, so odd `-c`/`-g`/`-e` combinations come out exactly as
/// xxd prints them, including its overlaps: with `-e` and a line that is not a whole number of
/// groups, later hex digits overwrite earlier text characters. A layout where nothing overlaps is
/// `isRegular` and is formatted by stamping a template; the others replay xxd's writes in order.
///
/// A final class with raw storage so the per-byte loops index without bounds or uniqueness checks;
/// it never changes after `init`, so formatter copies share it safely.
final class XXDLineLayout: @unchecked Sendable {
    let columns: Int
    let groupSize: Int
    /// Characters per byte in the hex area: 2, or 8 for `-b`.
    let slotWidth: Int
    /// Start of byte `p`'s digits, for `p` in `0..<columns`.
    let slotStart: UnsafeMutablePointer<Int>
    /// Start of the text column: byte `p`'s character is at `textStart + p`.
    let textStart: Int
    /// A full line after the offset column: spaces, then `\n` at `textStart + columns`.
    let fullLineTemplate: UnsafeMutablePointer<UInt8>
    /// `textStart + columns + 1`.
    let fullLineLength: Int
    /// A full line of zero bytes after the offset column (regular layouts): zero runs are common
    /// in disk images and sparse files, and such a line is then one copy.
    let zeroLine: UnsafeMutablePointer<UInt8>
    /// No hex digits reach into the text column, so writes need no ordering.
    let isRegular: Bool
    /// Room needed to replay any line, including digits that land past its end.
    let scratchLength: Int

    init(style: XXDOptions.Style, columns: Int, groupSize: Int, zeroText: UInt8) {
        self.columns = columns
        self.groupSize = groupSize
        slotWidth = style == .bits ? 8 : 2
        let groupLength = style == .bits ? 8 * groupSize + 1 : 2 * groupSize + 1
        let starts = (0..<columns).map { p in
            let x = style == .littleEndian ? p ^ (groupSize - 1) : p
            return 1 + (groupLength * x) / groupSize
        }
        slotStart = .allocate(capacity: max(columns, 1))
        slotStart.initialize(from: starts, count: columns)
        textStart = (groupLength * columns - 1) / groupSize + 3
        fullLineLength = textStart + columns + 1
        // Padded to whole 8-byte words: the writer copies it a word at a time.
        fullLineTemplate = .allocate(capacity: fullLineLength + 8)
        fullLineTemplate.initialize(repeating: UInt8(ascii: " "), count: fullLineLength + 8)
        fullLineTemplate[fullLineLength - 1] = UInt8(ascii: "\n")
        let hexEnd = (starts.max() ?? 0) + slotWidth
        isRegular = hexEnd <= textStart
        scratchLength = max(hexEnd, fullLineLength)
        zeroLine = .allocate(capacity: fullLineLength + 8)
        zeroLine.initialize(from: fullLineTemplate, count: fullLineLength + 8)
        if isRegular {
            for p in 0..<columns {
                (zeroLine + starts[p]).update(repeating: UInt8(ascii: "0"), count: slotWidth)
                zeroLine[textStart + p] = zeroText
            }
        }
    }

    deinit {
        slotStart.deallocate()
        fullLineTemplate.deallocate()
        zeroLine.deallocate()
    }

    /// The room one line needs: offset column, line, and the word-copy overrun.
    var maximumLineLength: Int { XXDLineLayout.maximumOffsetColumnLength + fullLineLength + 8 }

    /// `%08lx:` of 64 bits is at most 17 characters; `%08ld:` at most 21 (`-9223372036854775808:`).
    static let maximumOffsetColumnLength = 21
}
