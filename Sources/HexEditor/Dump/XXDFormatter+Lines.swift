// The offset/hex/text styles (default, -b, -e), with -a's zero-run suppression.

extension XXDFormatter {
    mutating func formatLines(
        _ bytes: UnsafePointer<UInt8>, count: Int, at offset: Int, into out: UnsafeMutablePointer<UInt8>
    ) -> Int {
        guard let layout else { return 0 }
        let columns = layout.columns
        var written = 0
        if pendingCount > 0 && nextOffset != offset {
            written += flushPendingLine(into: out)
        }
        var consumed = 0
        if pendingCount > 0 {
            let taken = min(columns - pendingCount, count)
            pendingLine.withUnsafeMutableBufferPointer { line in
                (line.baseAddress! + pendingCount).update(from: bytes, count: taken)
            }
            pendingCount += taken
            consumed = taken
            if pendingCount == columns {
                written += pendingLine.withUnsafeBufferPointer { line in
                    emitFullLine(line.baseAddress!, at: pendingOffset, into: out + written)
                }
                pendingCount = 0
            }
        }
        while count - consumed >= columns {
            written += emitFullLine(bytes + consumed, at: offset &+ consumed, into: out + written)
            consumed += columns
        }
        if consumed < count {
            pendingOffset = offset &+ consumed
            pendingCount = count - consumed
            pendingLine.withUnsafeMutableBufferPointer { line in
                line.baseAddress!.update(from: bytes + consumed, count: count - consumed)
            }
        }
        return written
    }

    mutating func finishLines(into out: UnsafeMutablePointer<UInt8>) -> Int {
        if pendingCount > 0 {
            return flushPendingLine(into: out)
        }
        guard options.autoskip else { return 0 }
        // xxd's last call for a zero run that reaches the end: it shows the run's final line.
        zeroLinesSeen -= 1
        var written = 0
        if zeroLinesSeen == 2 {
            written += writeZeroLine(at: secondZeroLineOffset, into: out)
        } else if zeroLinesSeen > 2 {
            written += writeSkipMark(into: out)
        }
        if zeroLinesSeen > 0 {
            written += writeZeroLine(at: lastLineOffset, into: out + written)
        }
        zeroLinesSeen = 0
        return written
    }

    /// A short line always prints, after whatever a zero run held back.
    private mutating func flushPendingLine(into out: UnsafeMutablePointer<UInt8>) -> Int {
        var written = releaseZeroRun(into: out)
        written += pendingLine.withUnsafeBufferPointer { line in
            writeLine(line.baseAddress!, count: pendingCount, at: pendingOffset, into: out + written)
        }
        pendingCount = 0
        return written
    }

    /// A full line goes through xxd's autoskip: the first zero line of a run prints, the rest wait.
    private mutating func emitFullLine(
        _ bytes: UnsafePointer<UInt8>, at offset: Int, into out: UnsafeMutablePointer<UInt8>
    ) -> Int {
        guard let layout else { return 0 }
        guard options.autoskip else {
            return writeLine(bytes, count: layout.columns, at: offset, into: out)
        }
        lastLineOffset = offset
        if Self.isAllZero(bytes, count: layout.columns) {
            zeroLinesSeen += 1
            if zeroLinesSeen == 2 { secondZeroLineOffset = offset }
            return zeroLinesSeen == 1 ? writeLine(bytes, count: layout.columns, at: offset, into: out) : 0
        }
        let written = releaseZeroRun(into: out)
        return written + writeLine(bytes, count: layout.columns, at: offset, into: out + written)
    }

    /// Ends a zero run: a run of two shows its second line, a longer run a `*`.
    private mutating func releaseZeroRun(into out: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        if zeroLinesSeen == 2 {
            written = writeZeroLine(at: secondZeroLineOffset, into: out)
        } else if zeroLinesSeen > 2 {
            written = writeSkipMark(into: out)
        }
        zeroLinesSeen = 0
        return written
    }

    private func writeSkipMark(into out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = UInt8(ascii: "*")
        out[1] = UInt8(ascii: "\n")
        return 2
    }

    private func writeZeroLine(at offset: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
        guard let layout else { return 0 }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: layout.columns) { zeros in
            zeros.initialize(repeating: 0)
            return writeLine(zeros.baseAddress!, count: layout.columns, at: offset, into: out)
        }
    }

    static func isAllZero(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        let raw = UnsafeRawPointer(bytes)
        var index = 0
        var accumulated: UInt64 = 0
        while index + 8 <= count {
            accumulated |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < count {
            accumulated |= UInt64(bytes[index])
            index += 1
        }
        return accumulated == 0
    }

    /// One line, offset column to newline.
    func writeLine(
        _ bytes: UnsafePointer<UInt8>, count: Int, at offset: Int, into out: UnsafeMutablePointer<UInt8>
    ) -> Int {
        guard let layout else { return 0 }
        let offsetLength = writeOffsetColumn(offset, into: out)
        let line = out + offsetLength
        guard count == layout.columns && layout.isRegular else {
            return offsetLength + replayLine(bytes, count: count, layout: layout, into: line)
        }
        line.update(from: layout.fullLineTemplate, count: layout.fullLineLength)
        let text = line + layout.textStart
        let slots = layout.slotStart
        if layout.slotWidth == 2 {
            let pairs = tables.hexPairs
            let raw = UnsafeMutableRawPointer(line)
            for p in 0..<count {
                let byte = Int(bytes[p])
                raw.storeBytes(of: pairs[byte], toByteOffset: slots[p], as: UInt16.self)
                text[p] = tables.text[byte]
            }
        } else {
            let octets = tables.bitOctets
            let raw = UnsafeMutableRawPointer(line)
            for p in 0..<count {
                let byte = Int(bytes[p])
                raw.storeBytes(of: octets[byte], toByteOffset: slots[p], as: UInt64.self)
                text[p] = tables.text[byte]
            }
        }
        return offsetLength + layout.fullLineLength
    }

    /// xxd builds each line in a space-filled buffer, writing each byte's digits and then its
    /// character, and cuts the line after the last character. Replaying that order reproduces its
    /// output where digits and characters collide (odd `-e` layouts) and for short lines.
    private func replayLine(
        _ bytes: UnsafePointer<UInt8>, count: Int, layout: XXDLineLayout, into out: UnsafeMutablePointer<UInt8>
    ) -> Int {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: layout.scratchLength) { scratch in
            let line = scratch.baseAddress!
            line.initialize(repeating: UInt8(ascii: " "), count: layout.scratchLength)
            let raw = UnsafeMutableRawPointer(line)
            for p in 0..<count {
                let byte = Int(bytes[p])
                if layout.slotWidth == 2 {
                    raw.storeBytes(of: tables.hexPairs[byte], toByteOffset: layout.slotStart[p], as: UInt16.self)
                } else {
                    raw.storeBytes(of: tables.bitOctets[byte], toByteOffset: layout.slotStart[p], as: UInt64.self)
                }
                line[layout.textStart + p] = tables.text[byte]
            }
            let visible = layout.textStart + count
            out.update(from: line, count: visible)
            out[visible] = UInt8(ascii: "\n")
            return visible + 1
        }
    }

    /// `%08lx:` (or `%08ld:` with `-d`) of the offset plus `-o`, in 64-bit wrapping arithmetic.
    func writeOffsetColumn(_ offset: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let value = UInt64(bitPattern: Int64(offset)) &+ options.displayOffset
        var length: Int
        if options.decimalOffsets {
            length = Self.writeDecimal(Int64(bitPattern: value), into: out)
        } else {
            let significantDigits = (64 - value.leadingZeroBitCount + 3) / 4
            length = max(8, significantDigits)
            var remaining = value
            let digits = XXDTables.lowercaseASCII.digits  // printf's %lx ignores -u
            for index in stride(from: length - 1, through: 0, by: -1) {
                out[index] = digits[Int(remaining & 0xf)]
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
