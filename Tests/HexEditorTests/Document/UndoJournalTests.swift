import TestSupport
import Testing

@testable import HexEditor

/// The checkpoints behind "unsynced edits", `:q!` and script rollback.
@Suite struct UndoJournalTests {
    @Test func unsyncedEditsCountFromTheLastSync() throws {
        let file = TemporaryFile("0000")
        let document = try Document(path: file.path)
        try document.overwrite(at: 0, with: [0x31])
        try document.overwrite(at: 1, with: [0x31])
        #expect(document.unsyncedEdits == 2)
        try document.sync()
        #expect(document.unsyncedEdits == 0)
        _ = try document.undo()
        #expect(document.unsyncedEdits == 1)
        _ = try document.redo()
        #expect(document.unsyncedEdits == 0)
    }

    @Test func discardReturnsToTheSyncedStateEvenAfterABranch() throws {
        let file = TemporaryFile("0000")
        let document = try Document(path: file.path)
        try document.overwrite(at: 0, with: [0x41])
        try document.overwrite(at: 1, with: [0x42])
        try document.sync()  // synced state: "AB00"
        _ = try document.undo()
        _ = try document.undo()
        try document.overwrite(at: 3, with: [0x5A])  // a new edit drops the redo entries
        #expect(file.bytes == Array("000Z".utf8))
        #expect(!document.canRedo)
        #expect(document.unsyncedEdits == 3)
        try document.discardUnsyncedEdits()
        #expect(file.bytes == Array("AB00".utf8))
        #expect(document.unsyncedEdits == 0)
        // The journal still works afterwards.
        _ = try document.undo()
        #expect(file.bytes == Array("A000".utf8))
    }

    @Test func newEditAfterUndoClearsRedo() throws {
        let file = TemporaryFile("0000")
        let document = try Document(path: file.path)
        try document.overwrite(at: 0, with: [0x41])
        _ = try document.undo()
        #expect(document.canRedo)
        try document.overwrite(at: 1, with: [0x42])
        #expect(!document.canRedo)
        #expect(try document.redo() == nil)
        #expect(file.bytes == Array("0B00".utf8))
    }

    @Test func manyLevelsOfUndo() throws {
        let file = TemporaryFile([UInt8](repeating: 0, count: 300))
        let document = try Document(path: file.path)
        for index in 0..<300 {
            try document.overwrite(at: index, with: [UInt8(index % 251 + 1)])
        }
        for _ in 0..<300 {
            _ = try document.undo()
        }
        #expect(file.bytes == [UInt8](repeating: 0, count: 300))
        #expect(try document.undo() == nil)
    }
}
