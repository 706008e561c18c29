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

    /// Writes the first match (or, with `all`, every match) at or after `start`; returns the
    /// first. `all` is one pass over the file, reporting matches as it meets them.
    func find(_ pattern: [UInt8], from start: Int, all: Bool, json: Bool, to output: inout CommandOutput)
        throws(EditorError) -> Int?
    {
        let size = try document.currentSize()
        if start > size {
            throw EditorError("find: offset \(hex(start)) is past the end of the file (size \(size))")
        }
        var first: Int?
        try document.forEachMatch(of: BytePattern(pattern), in: start..<size) { (match) throws(EditorError) -> Bool in
            if first == nil { first = match }
            try output.line(json ? JSON.findResult(pattern: pattern, offset: match) : hex(match))
            return all
        }
        if first == nil {
            try output.line(json ? JSON.findResult(pattern: pattern, offset: nil) : "not found")
        }
        return first
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
