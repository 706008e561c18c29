import Foundation
import TestSupport
import Testing

@testable import HexEditor

/// A session's journal: written as it edits, gone when it ends cleanly, found by the next
/// session when it died, and resolved by `recover`.
@Suite(.serialized) struct SessionRecoveryTests {
    init() { _ = RecoveryTestSupport.stateHome }

    static func randomBytes(_ count: Int, seed: UInt64 = 5) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    func session(_ file: TemporaryFile) throws -> Document {
        try Document(path: file.path, locking: .wait(seconds: 0))
    }

    @Test func theJournalLivesWhileEditsAreUnsynced() throws {
        let file = TemporaryFile("hello world")
        let document = try session(file)
        #expect(RecoveryTestSupport.journalFiles(of: file.path).isEmpty, "nothing is written before an edit")
        try document.overwrite(at: 0, with: [0x48])
        #expect(!RecoveryTestSupport.journalFiles(of: file.path).isEmpty)
        try document.sync()
        #expect(RecoveryTestSupport.journalFiles(of: file.path).isEmpty, "a sync leaves nothing to recover")
        try document.insert(at: 5, bytes: [0x2C])
        try document.discardUnsyncedEdits()
        document.close()
        #expect(RecoveryTestSupport.journalFiles(of: file.path).isEmpty, "a clean end removes it")
        #expect(file.bytes == Array("Hello world".utf8))
    }

    @Test func aDeadSessionsEditsAreFoundAndRolledBack() throws {
        let file = TemporaryFile("hello world")
        var dead: Document? = try session(file)
        try dead!.overwrite(at: 0, with: Array("HELLO".utf8))
        try dead!.sync()
        try dead!.insert(at: 5, bytes: Array(",,".utf8))
        try dead!.fill(at: 0, count: 3, with: 0x2A)
        try dead!.resize(to: 9)
        let crash = RecoveryTestSupport.Crash(of: file.path)
        dead!.close()
        dead = nil
        crash.restore(to: file.path)  // as if the process had been killed here
        #expect(file.bytes == Array("***LO,, w".utf8))

        let next = try session(file)
        #expect(next.recoveryNotice == "\(file.path): 3 unsynced edits from an earlier session (pid \(getpid()))")
        #expect(throws: EditorError.self) { try next.overwrite(at: 0, with: [1]) }
        let message = try next.recover(.rollback)
        #expect(message.hasPrefix("rolled back 3 unsynced edits"))
        #expect(file.bytes == Array("HELLO world".utf8), "as at the last sync")
        try next.overwrite(at: 0, with: [0x68])
        try next.sync()
        next.close()
        #expect(RecoveryTestSupport.journalFiles(of: file.path).isEmpty)
    }

    @Test(arguments: [1, 2, 3, 4]) func aShiftCutOffAtAnyChunkIsUndone(step: Int) throws {
        let original = Self.randomBytes(4 << 20 + 99)
        for insert in [true, false] {
            let file = TemporaryFile(original)
            let document = try session(file)
            try document.overwrite(at: 3, with: [1, 2, 3])
            var crash: RecoveryTestSupport.Crash?
            var steps = 0
            (document.store as! SharedFileStore).beforeShiftStep = {
                steps += 1
                if steps == step { crash = RecoveryTestSupport.Crash(of: file.path) }
            }
            if insert {
                try document.insert(at: 10, bytes: Array("INSERTED".utf8))
            } else {
                try document.delete(at: 10, count: 1000)
            }
            document.close()
            let cut = try #require(crash)
            cut.restore(to: file.path)

            let rollback = try session(file)
            let message = try rollback.recover(.rollback)
            #expect(message.contains("cut off half way"), "\(message)")
            #expect(same(file.bytes, original), "rollback, \(insert ? "insert" : "delete") cut before step \(step)")
            rollback.close()

            cut.restore(to: file.path)
            let keep = try session(file)
            _ = try keep.recover(.keep)
            var expected = original
            expected.replaceSubrange(3..<6, with: [1, 2, 3])
            #expect(same(file.bytes, expected), "keep keeps the patch and undoes the cut-off shift")
            keep.close()
        }
    }

    @Test func rollbackRefusesWhereAnotherProcessChangedTheBytes() throws {
        let file = TemporaryFile("0123456789")
        let dead = try session(file)
        try dead.overwrite(at: 2, with: [0x41, 0x42])
        RecoveryTestSupport.kill(dead, of: file.path)
        let handle = FileHandle(forWritingAtPath: file.path)!
        try handle.seek(toOffset: 3)
        try handle.write(contentsOf: Data([0x5A]))  // another process writes over the session's bytes
        try handle.close()

        let next = try session(file)
        do {
            _ = try next.recover(.rollback)
            Issue.record("rollback should refuse")
        } catch {
            #expect(error.message.contains("bytes 0x2-0x3 differ from what it wrote"), "\(error.message)")
        }
        #expect(file.bytes == Array("01AZ456789".utf8), "a refused rollback changes nothing")
        _ = try next.recover(.rollback, force: true)
        #expect(file.bytes == Array("0123456789".utf8))
    }

    @Test func aDamagedJournalIsNeverApplied() throws {
        let file = TemporaryFile("abcdef")
        let dead = try session(file)
        try dead.overwrite(at: 0, with: [0x41])
        try dead.overwrite(at: 1, with: [0x42])
        RecoveryTestSupport.kill(dead, of: file.path)
        let journal = try #require(RecoveryTestSupport.journalFiles(of: file.path).first { $0.hasSuffix(".journal") })
        var bytes = try #require(FileManager.default.contents(atPath: journal))
        bytes[bytes.count - 30] ^= 0xFF
        _ = FileManager.default.createFile(atPath: journal, contents: bytes)

        let next = try session(file)
        #expect(next.recoveryNotice?.contains("is damaged") == true)
        #expect(throws: EditorError.self) { try next.recover(.rollback) }
        #expect(file.bytes == Array("ABcdef".utf8), "not applied half")
        _ = try next.recover(.discard)
        try next.overwrite(at: 0, with: [0x61])
        #expect(file.bytes == Array("aBcdef".utf8))
    }

    /// Killed while starting its journal (O_CREAT done, the header not yet whole): no record,
    /// so no edit reached the file. The next session removes it and edits.
    @Test(arguments: [0, 5, 20]) func aJournalCutInsideItsHeaderIsRemoved(kept: Int) throws {
        let file = TemporaryFile("abcdef")
        let dead = try session(file)
        try dead.overwrite(at: 0, with: [0x41])
        RecoveryTestSupport.kill(dead, of: file.path)
        let journal = try #require(RecoveryTestSupport.journalFiles(of: file.path).first { $0.hasSuffix(".journal") })
        let bytes = try #require(FileManager.default.contents(atPath: journal))
        _ = FileManager.default.createFile(atPath: journal, contents: bytes.prefix(kept))
        #expect(throws: JournalContents.Problem.unstarted) { try JournalContents.parse(Array(bytes.prefix(kept))) }
        #expect(try JournalContents.parse(Array(bytes)).unsyncedEdits == 1)
        #expect(throws: JournalContents.Problem.damaged("its header is cut short or is not a hexmap journal's")) {
            try JournalContents.parse(Array("not a journal".utf8))
        }

        let next = try session(file)
        #expect(next.recoveryNotice == nil)
        try next.overwrite(at: 1, with: [0x62])
        #expect(file.bytes == Array("Abcdef".utf8), "the restored crash state, then the new edit")
    }

    @Test func aSessionWithoutTheLockKeepsNoJournalAndOnlyWarns() throws {
        let file = TemporaryFile("abc")
        let dead = try session(file)
        try dead.overwrite(at: 0, with: [0x41])
        RecoveryTestSupport.kill(dead, of: file.path)
        let reader = try Document(path: file.path, readOnly: true)
        #expect(reader.recoveryNotice?.contains("1 unsynced edit from an earlier session") == true)
        reader.close()
        let next = try session(file)
        _ = try next.recover(.rollback)
        #expect(file.bytes == Array("abc".utf8))
    }
}
