import TestSupport
import Testing

@testable import HexEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Scans, prints and fills over more than one streaming window.
@Suite struct StreamingTests {
    /// A sparse file of `size` bytes with `pattern` written at each of `offsets`.
    private func sparseFile(size: Int, pattern: [UInt8], at offsets: [Int]) throws -> TemporaryFile {
        let file = TemporaryFile([])
        #expect(truncate(file.path, off_t(size)) == 0)
        let fd = open(file.path, O_WRONLY)
        defer { close(fd) }
        for offset in offsets {
            #expect(pattern.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(offset)) } == pattern.count)
        }
        return file
    }

    @Test func findsMatchesThatStraddleAWindowBoundary() throws {
        let window = Document.streamingWindow
        let pattern = Array("NEEDLE".utf8)
        let offsets = [window - 3, 2 * window - 1, 2 * window + 5]
        let file = try sparseFile(size: 2 * window + 64, pattern: pattern, at: offsets)
        let document = try Document(path: file.path, readOnly: true)
        #expect(try document.find(pattern, from: 0) == offsets[0])
        #expect(try document.find(pattern, from: offsets[0] + 1) == offsets[1])
        #expect(try document.find(pattern, from: offsets[1] + 1) == offsets[2])
        #expect(try document.find(pattern, from: offsets[2] + 1) == nil)
        #expect(try document.find(pattern, from: 2 * window + 64, backward: true) == offsets[2])
        #expect(try document.find(pattern, from: offsets[2], backward: true) == offsets[1])
        #expect(try document.find(pattern, from: offsets[1], backward: true) == offsets[0])
        #expect(try document.find(pattern, from: offsets[0], backward: true) == nil)
        let interpreter = CommandInterpreter(document: document)
        let sink = CollectingSink()
        interpreter.outputSink = sink
        _ = try interpreter.run(line: "find \"NEEDLE\" all", context: CommandContext(cursor: 0))
        #expect(sink.lines == offsets.map { "0x" + String($0, radix: 16) })
    }

    @Test func fillAndItsUndoSpanSeveralWindows() throws {
        let window = Document.streamingWindow
        let file = try sparseFile(size: 3 * window, pattern: [1, 2, 3], at: [10, window + 10, 3 * window - 3])
        let document = try Document(path: file.path)
        try document.fill(at: 5, count: 3 * window - 7, with: 0xAB)
        #expect(try document.read(at: 0, count: 6) == [0, 0, 0, 0, 0, 0xAB])
        #expect(try document.read(at: window + 8, count: 4) == [0xAB, 0xAB, 0xAB, 0xAB])
        #expect(try document.read(at: 3 * window - 3, count: 3) == [0xAB, 2, 3])
        _ = try document.undo()
        #expect(try document.read(at: 8, count: 6) == [0, 0, 1, 2, 3, 0])
        #expect(try document.read(at: window + 10, count: 3) == [1, 2, 3])
        #expect(try document.read(at: 3 * window - 3, count: 3) == [1, 2, 3])
        #expect(try document.find([0xAB], from: 0) == nil)
    }
}
