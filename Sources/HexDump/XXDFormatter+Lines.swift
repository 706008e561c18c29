// The offset/hex/text styles (default, -b, -e), with -a's zero-run suppression.

extension XXDFormatter {
    mutating func formatLines(
        _ bytes: UnsafePointer<UInt8>, count: Int, at offset: Int, into out: UnsafeMutablePointer<UInt8>
    ) -> Int {
        guard let layout else { return 0 }
        let writer = XXDLineWriter(layout: layout, tables: tables, options: options)
        let columns = layout.columns
        var written = 0
        if pendingCount > 0 && nextOffset != offset {
            written += flushPendingLine(writer, into: out)
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
                    emitFullLine(line.baseAddress!, at: pendingOffset, writer, into: out + written)
                }
                pendingCount = 0
            }
        }
        if !options.autoskip && writer.isRegular {
            // The common case, kept free of per-line state: stamp line after line.
            while count - consumed >= columns {
                written += writer.writeFullLine(bytes + consumed, at: offset &+ consumed, into: out + written)
                consumed += columns
            }
        } else if options.autoskip && writer.isRegular {
            // Autoskip: zero lines go through the run bookkeeping, the others are stamped directly.
            while count - consumed >= columns {
                let line = bytes + consumed
                if zeroLinesSeen == 0 && !Self.isAllZero(line, count: columns) {
                    lastLineOffset = offset &+ consumed
                    written += writer.writeFullLine(line, at: offset &+ consumed, into: out + written)
                } else {
                    written += emitFullLine(line, at: offset &+ consumed, writer, into: out + written)
                }
                consumed += columns
            }
        } else {
            while count - consumed >= columns {
                written += emitFullLine(bytes + consumed, at: offset &+ consumed, writer, into: out + written)
                consumed += columns
            }
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
        guard let layout else { return 0 }
        let writer = XXDLineWriter(layout: layout, tables: tables, options: options)
        if pendingCount > 0 {
            return flushPendingLine(writer, into: out)
        }
        guard options.autoskip else { return 0 }
        // xxd's last call for a zero run that reaches the end: it shows the run's final line.
        zeroLinesSeen -= 1
        var written = 0
        if zeroLinesSeen == 2 {
            written += writeZeroLine(at: secondZeroLineOffset, writer, into: out)
        } else if zeroLinesSeen > 2 {
            written += writeSkipMark(into: out)
        }
        if zeroLinesSeen > 0 {
            written += writeZeroLine(at: lastLineOffset, writer, into: out + written)
        }
        zeroLinesSeen = 0
        return written
    }

    /// A short line always prints, after whatever a zero run held back.
    private mutating func flushPendingLine(_ writer: XXDLineWriter, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var written = releaseZeroRun(writer, into: out)
        written += pendingLine.withUnsafeBufferPointer { line in
            writeLine(line.baseAddress!, count: pendingCount, at: pendingOffset, writer, into: out + written)
        }
        pendingCount = 0
        return written
    }

    /// A full line goes through xxd's autoskip: the first zero line of a run prints, the rest wait.
    private mutating func emitFullLine(
        _ bytes: UnsafePointer<UInt8>, at offset: Int, _ writer: XXDLineWriter, into out: UnsafeMutablePointer<UInt8>
    ) -> Int {
        guard options.autoskip else {
            return writeLine(bytes, count: writer.columns, at: offset, writer, into: out)
        }
        lastLineOffset = offset
        if Self.isAllZero(bytes, count: writer.columns) {
            zeroLinesSeen += 1
            if zeroLinesSeen == 2 { secondZeroLineOffset = offset }
            return zeroLinesSeen == 1 ? writeLine(bytes, count: writer.columns, at: offset, writer, into: out) : 0
        }
        let written = releaseZeroRun(writer, into: out)
        return written + writeLine(bytes, count: writer.columns, at: offset, writer, into: out + written)
    }

    /// Ends a zero run: a run of two shows its second line, a longer run a `*`.
    private mutating func releaseZeroRun(_ writer: XXDLineWriter, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        if zeroLinesSeen == 2 {
            written = writeZeroLine(at: secondZeroLineOffset, writer, into: out)
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

    private func writeZeroLine(at offset: Int, _ writer: XXDLineWriter, into out: UnsafeMutablePointer<UInt8>) -> Int {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: writer.columns) { zeros in
            zeros.initialize(repeating: 0)
            return writeLine(zeros.baseAddress!, count: writer.columns, at: offset, writer, into: out)
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
    private func writeLine(
        _ bytes: UnsafePointer<UInt8>, count: Int, at offset: Int, _ writer: XXDLineWriter,
        into out: UnsafeMutablePointer<UInt8>
    ) -> Int {
        if count == writer.columns && writer.isRegular {
            return writer.writeFullLine(bytes, at: offset, into: out)
        }
        let offsetLength = writer.writeOffsetColumn(offset, into: out)
        return offsetLength + replayLine(bytes, count: count, writer, into: out + offsetLength)
    }

    /// xxd builds each line in a space-filled buffer, writing each byte's digits and then its
    /// character, and cuts the line after the last character. Replaying that order reproduces its
    /// output where digits and characters collide (odd `-e` layouts) and for short lines.
    private func replayLine(
        _ bytes: UnsafePointer<UInt8>, count: Int, _ writer: XXDLineWriter, into out: UnsafeMutablePointer<UInt8>
    ) -> Int {
        guard let layout else { return 0 }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: layout.scratchLength) { scratch in
            let line = scratch.baseAddress!
            line.initialize(repeating: UInt8(ascii: " "), count: layout.scratchLength)
            let raw = UnsafeMutableRawPointer(line)
            for p in 0..<count {
                let byte = Int(bytes[p])
                if writer.slotWidth == 2 {
                    raw.storeBytes(of: writer.hexPairs[byte], toByteOffset: writer.slotStart[p], as: UInt16.self)
                } else {
                    raw.storeBytes(of: writer.bitOctets[byte], toByteOffset: writer.slotStart[p], as: UInt64.self)
                }
                line[writer.textStart + p] = writer.text[byte]
            }
            let visible = writer.textStart + count
            out.update(from: line, count: visible)
            out[visible] = UInt8(ascii: "\n")
            return visible + 1
        }
    }
}
