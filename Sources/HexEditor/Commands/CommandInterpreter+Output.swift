import HexDump

/// The commands that write text: print, find, info.
extension CommandInterpreter {
    /// Bytes read from the mapping per step of a print: bounded memory for any length.
    static let printChunk = 64 << 10

    func printRange(at offset: Int, count: Int, json: Bool, to output: inout CommandOutput)
        throws(EditorError)
    {
        let size = try document.currentSize()
        if offset > size {
            throw EditorError("print: offset \(hex(offset)) is past the end of the file (size \(size))")
        }
        let total = min(count, size - offset)
        if !output.isStreaming, total > Self.collectedPrintLimit {
            throw EditorError(
                "print: at most \(Self.collectedPrintLimit) bytes at a time here (asked for \(total))")
        }
        var done = 0
        var releaser = WindowReleaser(base: offset)
        if json {
            var line: [UInt8] = []
            while done < total {
                try document.stopRequest?.check()
                let chunk = try document.read(at: offset + done, count: min(Self.printChunk, total - done))
                if chunk.isEmpty { break }
                var start = 0
                while start < chunk.count {
                    let end = min(start + 16, chunk.count)
                    line.removeAll(keepingCapacity: true)
                    JSON.appendPrintRow(offset: offset + done + start, bytes: chunk[start..<end], to: &line)
                    try output.line(bytes: line)
                    start = end
                }
                done += chunk.count
                releaser.advance(to: done, release: document.release)
            }
            releaser.finish(at: done, release: document.release)
            return
        }
        // The dump tool's formatter, so `print OFF LEN` is byte for byte `xxd -s OFF -l LEN`.
        var formatter = XXDFormatter()
        var text: [UInt8] = []
        while done < total {
            try document.stopRequest?.check()
            let chunk = try document.read(at: offset + done, count: min(Self.printChunk, total - done))
            if chunk.isEmpty { break }
            formatter.append(chunk, at: offset + done, to: &text)
            try output.text(text)
            text.removeAll(keepingCapacity: true)
            done += chunk.count
            releaser.advance(to: done, release: document.release)
        }
        releaser.finish(at: done, release: document.release)
        formatter.finish(into: &text)
        try output.text(text)
    }

    /// What `find` reports: the first match, every match, or how many.
    enum FindMode {
        case first, all, count
    }

    /// Runs a `find`: matches starting at or after `from` and ending at or before `to` (the
    /// size when nil), or with `backward` the last one starting before `from` (and at or
    /// after `floor`). Writes the answer (streamed for `all`, so a shrinking file still
    /// leaves the matches found so far printed) and returns the match for `.first`.
    func find(
        _ pattern: BytePattern, from start: Int, to limit: Int?, floor: Int = 0, backward: Bool, mode: FindMode,
        json: Bool, to output: inout CommandOutput
    ) throws(EditorError) -> Int? {
        let size = try document.currentSize()
        let end = limit ?? size
        if start > size { throw EditorError("find: from \(hex(start)) is past the end of the file (size \(size))") }
        if end > size { throw EditorError("find: to \(hex(end)) is past the end of the file (size \(size))") }
        let described = pattern.hexDescription
        var range = start..<max(start, end)
        if backward {
            range = floor..<max(floor, start == 0 ? 0 : min(end, start - 1 + pattern.count))
        }
        var matches = 0
        do {
            switch mode {
            case .first:
                let match =
                    backward
                    ? try document.lastMatch(of: pattern, in: range) : try document.firstMatch(of: pattern, in: range)
                try output.line(
                    json ? JSON.findResult(pattern: described, offset: match) : match.map(hex) ?? "not found")
                return match
            case .all:
                try document.forEachMatch(of: pattern, in: range) { (match) throws(EditorError) -> Bool in
                    matches += 1
                    try output.line(json ? JSON.findResult(pattern: described, offset: match) : hex(match))
                    return true
                }
                if matches == 0 {
                    try output.line(json ? JSON.findResult(pattern: described, offset: nil) : "not found")
                }
            case .count:
                let count = try document.countMatches(of: pattern, in: range)
                try output.line(
                    json ? JSON.object([("pattern", .string(described)), ("count", .number(count))]) : String(count))
            }
        } catch  where error.kind == .truncated {
            let found = mode == .all ? " after \(matches) matches (they are printed above)" : ""
            throw EditorError("find: the file shrank during the search\(found): \(error.message)", kind: .truncated)
        }
        return nil
    }

    func writeInfo(json: Bool, to output: inout CommandOutput) throws(EditorError) {
        let size = try document.currentSize()
        var fields: [(String, JSON.Value)] = [
            ("path", .string(document.displayPath)),
            ("size", .number(size)),
            ("mode", .string(document.isReadOnly ? "read-only" : "read-write")),
            ("sharing", .string(document.isPrivate ? "private" : "shared")),
            ("page_size", .number(document.pageSize)),
            ("unsynced_edits", .number(document.unsyncedEdits)),
        ]
        if let notice = document.readOnlyNotice {
            fields.append(("notice", .string(notice)))
        }
        if json {
            try output.line(JSON.object(fields))
        } else {
            for (key, value) in fields {
                try output.line("\(key): \(value.plain)")
            }
        }
    }
}
