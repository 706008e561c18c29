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

@Suite struct DocumentEditTests {
    @Test func overwriteChangesBytesInPlaceAndUndoRestoresThem() throws {
        let file = TemporaryFile("Hello, world")
        let document = try Document(path: file.path)
        try document.overwrite(at: 7, with: Array("W".utf8))
        #expect(file.bytes == Array("Hello, World".utf8))
        #expect(document.unsyncedEdits == 1)
        #expect(try document.undo() == 7)
        #expect(file.bytes == Array("Hello, world".utf8))
        #expect(try document.redo() == 7)
        #expect(file.bytes == Array("Hello, World".utf8))
        #expect(try document.redo() == nil)
    }

    @Test func overwriteNeverGrowsTheFile() throws {
        let file = TemporaryFile("abc")
        let document = try Document(path: file.path)
        #expect(throws: EditorError("patch: 2 bytes at 0x2 run past the end of the file (size 3)")) {
            try document.overwrite(at: 2, with: [1, 2])
        }
        #expect(throws: EditorError("patch: offset 0x4 is past the end of the file (size 3)")) {
            try document.overwrite(at: 4, with: [1])
        }
        #expect(file.bytes == Array("abc".utf8))
        #expect(document.unsyncedEdits == 0)
    }

    @Test func insertAndDeleteShiftTheTail() throws {
        let file = TemporaryFile("0123456789")
        let document = try Document(path: file.path)
        try document.insert(at: 3, bytes: Array("abc".utf8))
        #expect(file.bytes == Array("012abc3456789".utf8))
        try document.insert(at: 13, bytes: Array("!".utf8))
        #expect(file.bytes == Array("012abc3456789!".utf8))
        try document.delete(at: 0, count: 2)
        #expect(file.bytes == Array("2abc3456789!".utf8))
        _ = try document.undo()
        #expect(file.bytes == Array("012abc3456789!".utf8))
        _ = try document.undo()
        _ = try document.undo()
        #expect(file.bytes == Array("0123456789".utf8))
        _ = try document.redo()
        #expect(file.bytes == Array("012abc3456789".utf8))
    }

    @Test func resizeKeepsTheCutTailForUndo() throws {
        let file = TemporaryFile("0123456789")
        let document = try Document(path: file.path)
        try document.resize(to: 4)
        #expect(file.bytes == Array("0123".utf8))
        try document.resize(to: 6)
        #expect(file.bytes == Array("0123".utf8) + [0, 0])
        _ = try document.undo()
        _ = try document.undo()
        #expect(file.bytes == Array("0123456789".utf8))
        #expect(document.size == 10)
    }

    @Test func fillOverwritesAndUndoes() throws {
        let file = TemporaryFile("aaaaaaaaaa")
        let document = try Document(path: file.path)
        try document.fill(at: 2, count: 5, with: 0x2D)
        #expect(file.bytes == Array("aa-----aaa".utf8))
        _ = try document.undo()
        #expect(file.bytes == Array("aaaaaaaaaa".utf8))
    }

    @Test func largeFillSpillsUndoDataAndStillUndoes() throws {
        // Over the in-memory limit, so the old bytes go through the temporary file.
        let count = SavedBytes.inMemoryLimit * 3 + 123
        let original = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        let file = TemporaryFile(original)
        let document = try Document(path: file.path)
        try document.fill(at: 1, count: count - 2, with: 0)
        let filled = file.bytes
        #expect(filled.first == original.first && filled.last == original.last)
        #expect(filled[1..<(count - 1)].allSatisfy { $0 == 0 })
        _ = try document.undo()
        #expect(file.bytes == original)
        try document.delete(at: 5, count: count - 10)
        #expect(file.bytes == Array(original[0..<5] + original[(count - 5)...]))
        _ = try document.undo()
        #expect(file.bytes == original)
    }

    @Test func readOnlyRefusesEveryEdit() throws {
        let file = TemporaryFile("abc")
        let document = try Document(path: file.path, readOnly: true)
        #expect(document.isReadOnly)
        let refusal = EditorError("\(file.path) is open read-only: edits are refused", kind: .readOnly)
        #expect(throws: refusal) { try document.overwrite(at: 0, with: [1]) }
        #expect(throws: refusal) { try document.fill(at: 0, count: 1, with: 1) }
        #expect(throws: refusal) { try document.insert(at: 0, bytes: [1]) }
        #expect(throws: refusal) { try document.delete(at: 0, count: 1) }
        #expect(throws: refusal) { try document.resize(to: 1) }
        #expect(file.bytes == Array("abc".utf8))
        #expect(try document.read(at: 1, count: 10) == Array("bc".utf8))
    }

    @Test func missingFileIsAnErrorUnlessCreateIsGiven() throws {
        let scratch = TemporaryFile(name: "missing")  // a fresh directory, no file yet
        let path = scratch.path
        #expect(throws: EditorError("\(path): no such file", kind: .notFound)) {
            try Document(path: path)
        }
        let created = try Document(path: path, createSize: 64)
        defer { unlinkIfPresent(path) }
        #expect(created.size == 64)
        #expect(try created.read(at: 0, count: 100) == [UInt8](repeating: 0, count: 64))
    }

    @Test func readClampsAtTheEnd() throws {
        let file = TemporaryFile("abcdef")
        let document = try Document(path: file.path)
        #expect(try document.read(at: 4, count: 10) == Array("ef".utf8))
        #expect(try document.read(at: 6, count: 10) == [])
        #expect(try document.read(at: 60, count: 10) == [])
    }

    @Test func findForwardAndBackward() throws {
        let file = TemporaryFile("abcabcabc")
        let document = try Document(path: file.path)
        let pattern = Array("bc".utf8)
        #expect(try document.find(pattern, from: 0) == 1)
        #expect(try document.find(pattern, from: 1) == 1)
        #expect(try document.find(pattern, from: 2) == 4)
        #expect(try document.find(pattern, from: 8) == nil)
        #expect(try document.find(pattern, from: 7, backward: true) == 4)
        #expect(try document.find(pattern, from: 1, backward: true) == nil)
        #expect(try document.find(pattern, from: 9, backward: true) == 7)
    }
}

func unlinkIfPresent(_ path: String) {
    _ = path.withCString { unlink($0) }
}

@Suite struct SavedBytesTests {
    @Test(arguments: [0, 1, 15, 16, 17, 4096])
    func inlineAndArrayStorageRoundTrip(count: Int) throws {
        let original = (0..<(count + 8)).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ 3) }
        let file = TemporaryFile(original)
        let document = try Document(path: file.path)
        let patch = (0..<count).map { UInt8(truncatingIfNeeded: 255 - $0) }
        try document.overwrite(at: 4, with: patch)
        #expect(try document.read(at: 4, count: count) == patch)
        if count > 0 { _ = try document.undo() }
        #expect(file.bytes == original)
        if count > 0 { _ = try document.redo() }
        #expect(try document.read(at: 4, count: count) == patch)
    }

    @Test func zeroChunksAreKeptAsHolesAndReadBackAsZeros() throws {
        // Zeros, then data, then zeros, larger than the in-memory limit.
        let chunk = SavedBytes.chunkSize
        var original = [UInt8](repeating: 0, count: chunk * 2 + 17)
        for index in chunk..<(chunk + 4096) { original[index] = UInt8(truncatingIfNeeded: index) }
        let file = TemporaryFile(original)
        let document = try Document(path: file.path)
        try document.fill(at: 0, count: original.count, with: 0xEE)
        #expect(file.bytes == [UInt8](repeating: 0xEE, count: original.count))
        _ = try document.undo()
        #expect(file.bytes == original)
    }
}
