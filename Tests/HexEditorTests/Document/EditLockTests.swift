import Foundation
import TestSupport
import Testing

@testable import HexEditor

/// While a session edits a file, a second one waits briefly then fails naming the holder,
/// or (the interactive editor) opens read-only; the lock goes with the first session.
@Suite struct EditLockTests {
    init() { _ = HexmapEnvironment.inProcess }  // lock notes go to the test's state directory

    @Test func aSecondEditingSessionFailsNamingTheHolder() throws {
        let file = TemporaryFile("data")
        let first = try Document(path: file.path, locking: .wait(seconds: 0))
        do {
            _ = try Document(path: file.path, locking: .wait(seconds: 0.2))
            Issue.record("the second session should not get the lock")
        } catch {
            #expect(error.kind == .busy)
            #expect(error.message.contains("is being edited by hexmap (pid \(getpid()))"))
        }
        first.close()
        let third = try Document(path: file.path, locking: .wait(seconds: 0))
        try third.overwrite(at: 0, with: [0x44])
        #expect(file.bytes.first == 0x44)
    }

    @Test func theEditorFallsBackToReadOnlyAndSaysWhy() throws {
        let file = TemporaryFile("data")
        let first = try Document(path: file.path, locking: .wait(seconds: 0))
        let second = try Document(path: file.path, locking: .orReadOnly)
        #expect(second.isReadOnly)
        let name = String(file.path.split(separator: "/").last!)
        #expect(second.readOnlyNotice == "\(name) is being edited by hexmap (pid \(getpid())): read-only")
        #expect(throws: EditorError.self) { try second.overwrite(at: 0, with: [1]) }
        first.close()
    }

    @Test func readingSessionsTakeNoLock() throws {
        let file = TemporaryFile("data")
        let editor = try Document(path: file.path, locking: .wait(seconds: 0))
        let reader = try Document(path: file.path, readOnly: true)
        #expect(try reader.read(at: 0, count: 4) == Array("data".utf8))
        let privateCopy = try Document(path: file.path, privateMapping: true, locking: .wait(seconds: 0))
        try privateCopy.overwrite(at: 0, with: [0x41])
        editor.close()
    }
}

/// A create size undone: a failed run leaves the disk as it found it.
@Suite struct CreationTests {
    @Test func undoingTheCreationRemovesACreatedFile() throws {
        let scratch = TemporaryFile(name: "new")  // a fresh directory, no file yet
        let path = scratch.path
        let document = try Document(path: path, createSize: 2 << 20)
        #expect(document.createdFile)
        try document.overwrite(at: 0, with: [0x41])
        _ = try document.undo()
        try document.undoCreation()
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func undoingTheCreationShrinksAGrownFileBack() throws {
        let file = TemporaryFile("abc")
        let document = try Document(path: file.path, createSize: 1 << 20)
        #expect(!document.createdFile)
        #expect(file.bytes.count == 1 << 20)
        try document.undoCreation()
        #expect(file.bytes == Array("abc".utf8))
    }
}
