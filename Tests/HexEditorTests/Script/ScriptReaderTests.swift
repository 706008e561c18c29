import HexEditor
import Testing

/// A script read a chunk at a time parses as if read whole, and an endless line is refused
/// as soon as it passes the limit.
struct ScriptReaderTests {
    @Test func anySplitIntoChunksGivesTheSameScript() throws {
        let text = Array("\u{FEFF}patch 0 41\r\n# note\nfill 1 2 ff\n\ninfo".utf8)
        let whole = try Script.parse(text, name: "s")
        for size in 1...text.count {
            var reader = Script.Reader(name: "s")
            var start = 0
            while start < text.count {
                try reader.feed(text[start..<min(text.count, start + size)])
                start += size
            }
            #expect(try reader.finish().lines == whole.lines, "chunks of \(size)")
        }
        #expect(whole.lines.map(\.number) == [1, 3, 5])
    }

    @Test func aLineWithoutEndIsRefusedOnceItPassesTheLimit() {
        var reader = Script.Reader(name: "zero")
        let chunk = [UInt8](repeating: 0, count: 1 << 16)
        var fed = 0
        do {
            while fed < 64 << 20 {
                try reader.feed(chunk)
                fed += chunk.count
            }
            Issue.record("the endless line was accepted")
        } catch {
            #expect(error.description == "zero:1:1: line too long: more than 1048576 bytes without a newline")
            #expect(fed <= 2 << 20, "refused after about a megabyte, not at the end")
        }
    }
}
