/// The hot loop of the line styles: everything one line needs, as raw pointers and integers.
///
/// A formatter builds one writer per chunk, so the per-line code touches no class reference (no
/// retain/release), no array (no bounds or uniqueness checks), and keeps the table addresses in
/// registers across its stores. The layout and tables it points into are owned by the formatter
/// (and the shared tables live forever), which outlives every writer.
struct XXDLineWriter {
    let columns: Int
    let slotWidth: Int
    let slotStart: UnsafeMutablePointer<Int>
    let textStart: Int
    let template: UnsafeMutablePointer<UInt8>
    let zeroLine: UnsafeMutablePointer<UInt8>
    let fullLineLength: Int
    let isRegular: Bool
    /// Hex style with groups that tile the line: digits can be written group by group.
    let groupSize: Int
    let hasEvenGroups: Bool
    let hexPairs: UnsafeMutablePointer<UInt16>
    let hexQuads: UnsafeMutablePointer<UInt32>
    let bitOctets: UnsafeMutablePointer<UInt64>
    let text: UnsafeMutablePointer<UInt8>
    /// Offsets are printed with printf's `%lx`, lower case whatever `-u` says.
    let offsetPairs: UnsafeMutablePointer<UInt16>
    let offsetDigits: UnsafeMutablePointer<UInt8>
    let displayOffset: UInt64
    let decimalOffsets: Bool
    /// The text column shows printable ASCII as itself (not `-E`), so it can be computed in bulk.
    let isPlainASCII: Bool

    init(layout: XXDLineLayout, tables: XXDTables, options: XXDOptions) {
        columns = layout.columns
        slotWidth = layout.slotWidth
        slotStart = layout.slotStart
        textStart = layout.textStart
        template = layout.fullLineTemplate
        zeroLine = layout.zeroLine
        fullLineLength = layout.fullLineLength
        isRegular = layout.isRegular
        groupSize = layout.groupSize
        hasEvenGroups = options.style == .hex && layout.columns % layout.groupSize == 0
        hexPairs = tables.hexPairs
        hexQuads = tables.hexQuads
        bitOctets = tables.bitOctets
        text = tables.text
        offsetPairs = XXDTables.lowercaseASCII.hexPairs
        offsetDigits = XXDTables.lowercaseASCII.digits
        displayOffset = options.displayOffset
        decimalOffsets = options.decimalOffsets
        isPlainASCII = !options.ebcdic
    }

    /// A complete line of a regular layout: offset column, template, digits, text.
    @inline(__always)
    func writeFullLine(_ bytes: UnsafePointer<UInt8>, at offset: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let offsetLength = writeOffsetColumn(offset, into: out)
        let line = out + offsetLength
        let raw = UnsafeMutableRawPointer(line)
        if XXDFormatter.isAllZero(bytes, count: columns) {
            copyWords(from: zeroLine, to: raw)
            return offsetLength + fullLineLength
        }
        copyWords(from: template, to: raw)
        if hasEvenGroups && groupSize == 2 {
            // xxd's default: four digits and a space per two bytes, one 32-bit store per group.
            var p = 0
            var position = 1
            while p < columns {
                let pair = UnsafeRawPointer(bytes).loadUnaligned(fromByteOffset: p, as: UInt16.self)
                let digits = hexQuads[Int(UInt16(littleEndian: pair))]
                raw.storeBytes(of: digits, toByteOffset: position, as: UInt32.self)
                position += 5
                p += 2
            }
        } else if hasEvenGroups {
            // Groups of `groupSize` bytes, each followed by one space (already in the template).
            var position = 1
            var p = 0
            while p < columns {
                let groupEnd = p + groupSize
                while p < groupEnd {
                    raw.storeBytes(of: hexPairs[Int(bytes[p])], toByteOffset: position, as: UInt16.self)
                    position += 2
                    p += 1
                }
                position += 1
            }
        } else if slotWidth == 2 {
            for p in 0..<columns {
                raw.storeBytes(of: hexPairs[Int(bytes[p])], toByteOffset: slotStart[p], as: UInt16.self)
            }
        } else {
            for p in 0..<columns {
                raw.storeBytes(of: bitOctets[Int(bytes[p])], toByteOffset: slotStart[p], as: UInt64.self)
            }
        }
        let textColumn = line + textStart
        var p = 0
        if isPlainASCII {
            // Sixteen characters at a time: printable ASCII stays, everything else becomes '.'.
            let source = UnsafeRawPointer(bytes)
            let target = UnsafeMutableRawPointer(textColumn)
            while p + 16 <= columns {
                let chunk = source.loadUnaligned(fromByteOffset: p, as: SIMD16<UInt8>.self)
                // 0x20...0x7e, tested as one signed compare after shifting the range to the bottom.
                let shifted = SIMD16<Int8>(truncatingIfNeeded: chunk &+ 0x60)
                let printable = shifted .< SIMD16<Int8>(repeating: -33)
                let shown = SIMD16<UInt8>(repeating: UInt8(ascii: ".")).replacing(with: chunk, where: printable)
                target.storeBytes(of: shown, toByteOffset: p, as: SIMD16<UInt8>.self)
                p += 16
            }
        }
        while p < columns {
            textColumn[p] = text[Int(bytes[p])]
            p += 1
        }
        return offsetLength + fullLineLength
    }

    /// Copies a line a word at a time instead of calling memcpy; the few bytes past the line are
    /// overwritten by the next line or cut off (the output capacity leaves room for them).
    @inline(__always)
    private func copyWords(from source: UnsafeMutablePointer<UInt8>, to target: UnsafeMutableRawPointer) {
        let words = UnsafeRawPointer(source)
        var copied = 0
        while copied < fullLineLength {
            target.storeBytes(
                of: words.loadUnaligned(fromByteOffset: copied, as: UInt64.self), toByteOffset: copied, as: UInt64.self)
            copied += 8
        }
    }

    /// `%08lx:` (or `%08ld:` with `-d`) of the offset plus `-o`, in 64-bit wrapping arithmetic.
    @inline(__always)
    func writeOffsetColumn(_ offset: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let value = UInt64(bitPattern: Int64(offset)) &+ displayOffset
        if !decimalOffsets && value <= UInt64(UInt32.max) {
            let raw = UnsafeMutableRawPointer(out)
            raw.storeBytes(of: offsetPairs[Int(value >> 24)], toByteOffset: 0, as: UInt16.self)
            raw.storeBytes(of: offsetPairs[Int((value >> 16) & 0xff)], toByteOffset: 2, as: UInt16.self)
            raw.storeBytes(of: offsetPairs[Int((value >> 8) & 0xff)], toByteOffset: 4, as: UInt16.self)
            raw.storeBytes(of: offsetPairs[Int(value & 0xff)], toByteOffset: 6, as: UInt16.self)
            out[8] = UInt8(ascii: ":")
            return 9
        }
        var length: Int
        if decimalOffsets {
            length = Self.writeDecimal(Int64(bitPattern: value), into: out)
        } else {
            length = (64 - value.leadingZeroBitCount + 3) / 4
            var remaining = value
            for index in stride(from: length - 1, through: 0, by: -1) {
                out[index] = offsetDigits[Int(remaining & 0xf)]
                remaining >>= 4
            }
        }
        out[length] = UInt8(ascii: ":")
        length += 1
        return length
    }

    /// `%08ld`: at least eight characters, zeros after the sign.
    private static func writeDecimal(_ value: Int64, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var magnitude = value.magnitude
        var digitCount = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digitCount += 1
        }
        let sign = value < 0 ? 1 : 0
        let width = max(8, digitCount + sign)
        if sign == 1 { out[0] = UInt8(ascii: "-") }
        for index in stride(from: width - 1, through: sign, by: -1) {
            out[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
        return width
    }
}
