import Foundation
import TestSupport
import Testing

@testable import HexEditor

/// An insert or a delete that fails half way through shifting the tail leaves the file as it
/// was, or, when another process cut the file meanwhile, exactly its survivors, unshifted.
@Suite struct ShiftFailureTests {
    /// 5 MiB of seeded random bytes: five chunks of the mover, so a failure can land inside.
    static func randomBytes(_ count: Int = 5 << 20, seed: UInt64 = 9) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// A document whose shifts call `hook` before step `step` (1-based).
    static func document(_ file: TemporaryFile, atStep step: Int, _ hook: @escaping () -> Void) throws -> Document {
        let document = try Document(path: file.path)
        var steps = 0
        (document.store as! SharedFileStore).beforeShiftStep = {
            steps += 1
            if steps == step { hook() }
        }
        return document
    }

    @Test(arguments: [1, 3, 5])
    func anInsertStoppedHalfWayIsUndone(step: Int) throws {
        let original = Self.randomBytes()
        let file = TemporaryFile(original)
        let stop = StopRequest()
        let document = try Self.document(file, atStep: step) { stop.requestStop(signal: SIGTERM) }
        document.stopRequest = stop
        #expect(throws: EditorError.self) { try document.insert(at: 100, bytes: Array("0123456789".utf8)) }
        #expect(document.unsyncedEdits == 0)
        #expect(same(file.bytes, original))
    }

    @Test(arguments: [1, 3, 5])
    func aDeleteStoppedHalfWayIsUndone(step: Int) throws {
        let original = Self.randomBytes()
        let file = TemporaryFile(original)
        let stop = StopRequest()
        let document = try Self.document(file, atStep: step) { stop.requestStop(signal: SIGINT) }
        document.stopRequest = stop
        do {
            try document.delete(at: 7, count: 1000)
            Issue.record("the delete should have stopped")
        } catch {
            #expect(error.kind == .interrupted(signal: SIGINT))
            #expect(error.message.contains("undone"))
        }
        #expect(same(file.bytes, original))
    }

    @Test(arguments: [2, 4])
    func anInsertCutShortByAnotherProcessKeepsTheSurvivorsUnshifted(step: Int) throws {
        let original = Self.randomBytes()
        let file = TemporaryFile(original)
        let cut = 3 << 20 + 12345
        let document = try Self.document(file, atStep: step) { truncate(file.path, off_t(cut)) }
        do {
            try document.insert(at: 10, bytes: [1, 2, 3, 4])
            Issue.record("the insert should have failed")
        } catch {
            #expect(error.kind == .truncated)
            #expect(error.message.contains("are gone"))
        }
        let survivors = file.bytes
        #expect(survivors.count <= cut && survivors.count > 0)
        #expect(same(survivors, Array(original.prefix(survivors.count))), "survivors unshifted, nothing else")
        #expect(document.size == survivors.count, "the document follows the file's new size")
    }

    @Test(arguments: [1, 3])
    func aDeleteCutShortByAnotherProcessKeepsTheSurvivorsUnshifted(step: Int) throws {
        let original = Self.randomBytes()
        let file = TemporaryFile(original)
        let cut = 4 << 20
        let document = try Self.document(file, atStep: step) { truncate(file.path, off_t(cut)) }
        #expect(throws: EditorError.self) { try document.delete(at: 0, count: 100) }
        let survivors = file.bytes
        #expect(survivors.count == cut)
        #expect(same(survivors, Array(original.prefix(cut))))
    }

    @Test func aShiftThatSucceedsMovesEveryByte() throws {
        let original = Self.randomBytes(3 << 20 + 77)
        let file = TemporaryFile(original)
        let document = try Document(path: file.path)
        try document.insert(at: 5, bytes: [9, 9])
        #expect(same(file.bytes, Array(original[..<5]) + [9, 9] + Array(original[5...])))
        try document.delete(at: 1 << 20, count: 1 << 20)
        var expected = Array(original[..<5]) + [9, 9] + Array(original[5...])
        expected.removeSubrange((1 << 20)..<(2 << 20))
        #expect(same(file.bytes, expected))
        _ = try document.undo()
        _ = try document.undo()
        #expect(same(file.bytes, original))
    }

    @Test func holesMoveAsHoles() throws {
        let file = TemporaryFile([])
        truncate(file.path, off_t(64 << 20))
        let document = try Document(path: file.path)
        try document.overwrite(at: 40 << 20, with: [7])
        try document.sync()
        try document.insert(at: 0, bytes: [1])
        try document.sync()
        #expect(allocatedBytes(file.path) < 8 << 20, "64 MiB of holes stay holes")
        #expect(try document.read(at: (40 << 20) + 1, count: 1) == [7])
        try document.delete(at: 0, count: 1)
        #expect(try document.read(at: 40 << 20, count: 1) == [7])
        #expect(allocatedBytes(file.path) < 8 << 20)
    }

    @Test func undoingAFillOverHolesGivesTheBlocksBack() throws {
        let file = TemporaryFile([])
        truncate(file.path, off_t(32 << 20))
        let document = try Document(path: file.path)
        try document.fill(at: 0, count: 32 << 20, with: 0x41)
        try document.sync()
        #expect(allocatedBytes(file.path) >= 32 << 20)
        _ = try document.undo()
        try document.sync()
        #expect(allocatedBytes(file.path) < 2 << 20)
        #expect(try document.read(at: 0, count: 1 << 20).allSatisfy { $0 == 0 })
    }
}

/// Bytes the file really occupies on disk (st_blocks), as `du` counts them.
func allocatedBytes(_ path: String) -> Int {
    var status = stat()
    guard stat(path, &status) == 0 else { return -1 }
    return Int(status.st_blocks) * 512
}

/// Whether two byte arrays are equal, without printing megabytes when they are not.
func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    a == b
}
