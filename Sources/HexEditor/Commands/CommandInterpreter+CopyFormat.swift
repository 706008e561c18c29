/// `print ... as hex|c|python|base64`.
extension CommandInterpreter {
    /// Writes `count` bytes at `offset` (fewer at the end of the file) in `format`. Streamed
    /// a window at a time when there is a sink; with `json`, one object
    /// `{"offset":N,"length":L,"format":F,"text":T}` (T without the final newline).
    func printFormatted(
        at offset: Int, count: Int, format: CopyFormat, json: Bool, to output: inout CommandOutput
    ) throws(EditorError) {
        let size = try document.currentSize()
        if offset > size {
            throw EditorError("print: offset \(hex(offset)) is past the end of the file (size \(size))")
        }
        let total = min(count, size - offset)
        if !output.isStreaming, total > Self.collectedPrintLimit {
            throw EditorError("print: at most \(Self.collectedPrintLimit) bytes at a time here (asked for \(total))")
        }
        var encoder = CopyEncoder(format: format)
        var text: [UInt8] = []
        var encoded: [UInt8] = []
        func emit(_ piece: inout [UInt8], last: Bool = false) {
            if json {
                JSON.appendEscaped(last ? piece.dropLast() : piece[...], to: &text)
            } else {
                text += piece
            }
            piece.removeAll(keepingCapacity: true)
        }
        if json {
            text += Array(#"{"offset":\#(offset),"length":\#(total),"format":"\#(format.rawValue)","text":""#.utf8)
        }
        encoder.begin(into: &encoded)
        var done = 0
        var releaser = WindowReleaser(base: offset)
        while done < total {
            try document.stopRequest?.check()
            let chunk = try document.read(at: offset + done, count: min(Self.printChunk, total - done))
            if chunk.isEmpty { break }
            encoder.append(chunk, to: &encoded)
            emit(&encoded)
            if output.isStreaming {
                try output.fragment(text)
                text.removeAll(keepingCapacity: true)
            }
            done += chunk.count
            releaser.advance(to: done, release: document.release)
        }
        releaser.finish(at: done, release: document.release)
        encoder.finish(into: &encoded)
        emit(&encoded, last: json)
        if json { text += Array("\"}\n".utf8) }
        try output.text(text)
    }
}
