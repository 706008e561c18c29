import Foundation
import TestSupport
import Testing

@testable import HexEditor

@Suite("Live view in the editor")
struct LiveEditorTests {
    @Test func anotherProcessesWriteAppearsHighlightedWithACount() throws {
        let (editor, file, clock) = try makeLiveEditor(countingBytes(64))
        #expect(!editor.tick(), "nothing changed: no frame needed")
        OtherProcess.write([0xAA, 0xBB, 0xCC], at: 0x12, to: file.path)
        clock.advance(milliseconds: 50)
        #expect(editor.tick(), "the write is seen without a key")
        let screen = editor.frame(width: 80, height: 8)
        let layout = try #require(editor.layout)
        #expect(screen.line(1).hasPrefix("00000010  10 11 aa bb cc 15"))
        #expect(screen.hexStyle(row: 1, byte: 2, layout: layout) == .changed)
        #expect(screen.hexStyle(row: 1, byte: 4, layout: layout) == .changed)
        #expect(screen.hexStyle(row: 1, byte: 5, layout: layout) != .changed)
        #expect(screen[1, layout.textColumn(ofByte: 3)].style == .changed)
        #expect(screen.line(layout.statusRow).contains("3 changed"))
    }

    @Test func withoutNotificationsThePeriodicLookStillSeesGrowth() throws {
        let (editor, file, _) = try makeLiveEditor(countingBytes(16))
        editor.live.startWatching(editor.document, notifications: false)
        #expect(editor.live.watcher?.mechanism == .polling)
        OtherProcess.append([0xAB], to: file.path)
        #expect(editor.tick())
        #expect(editor.frame(width: 80, height: 8).line(1).hasPrefix("00000010  ab"))
    }

    @Test func withInotifyTheSizeIsLookedAtOnEventsAndAtLeastEverySecond() throws {
        let (editor, file, clock) = try makeLiveEditor(countingBytes(16))
        editor.live.startWatching(editor.document)
        #expect(editor.live.watcher?.mechanism == .inotify)
        editor.tick()
        OtherProcess.append([0xAB], to: file.path)
        #expect(editor.tick(), "the append's event makes the tick look at the size")
        #expect(editor.document.size == 17)
        // A size change without an event (as if it were lost) waits for the safety look.
        editor.live.watcher?.drainEvents()
        OtherProcess.append([0xCD], to: file.path)
        editor.live.watcher?.drainEvents()
        clock.advance(milliseconds: 50)
        editor.tick()
        #expect(editor.document.size == 17)
        clock.advance(milliseconds: 1000)
        #expect(editor.tick())
        #expect(editor.document.size == 18)
    }

    @Test func theHighlightFadesAfterAMoment() throws {
        let (editor, file, clock) = try makeLiveEditor(countingBytes(64))
        OtherProcess.write([0xEE], at: 5, to: file.path)
        #expect(editor.tick())
        let layout = try #require(editor.layout)
        #expect(editor.frame(width: 80, height: 8).hexStyle(row: 0, byte: 5, layout: layout) == .changed)
        clock.advance(milliseconds: 500)
        #expect(!editor.tick(), "still highlighted: nothing to redraw")
        clock.advance(milliseconds: 600)
        #expect(editor.tick(), "the highlight faded: the screen must change")
        let screen = editor.frame(width: 80, height: 8)
        #expect(screen.hexStyle(row: 0, byte: 5, layout: layout) == .highByte)
        #expect(!screen.line(layout.statusRow).contains("changed"))
    }

    @Test func theUsersOwnEditsAreNotHighlighted() throws {
        let (editor, file, _) = try makeLiveEditor(countingBytes(64))
        editor.handle(keys("Rffee<Esc>"))
        let screen = editor.frame(width: 80, height: 8)
        let layout = try #require(editor.layout)
        #expect(screen.line(0).hasPrefix("00000000  ff ee 02"))
        #expect(screen.hexStyle(row: 0, byte: 1, layout: layout) != .changed)
        #expect(!screen.line(layout.statusRow).contains("changed"))
        #expect(file.bytes.prefix(2) == [0xFF, 0xEE])
    }

    @Test func anEditRightAfterATickShowsInTheNextFrame() throws {
        let (editor, file, _) = try makeLiveEditor(countingBytes(64))
        OtherProcess.write([0x99], at: 20, to: file.path)
        #expect(editor.tick(), "the tick has read the bytes for the next frame")
        editor.handle(keys("r42"))
        let screen = editor.frame(width: 80, height: 8)
        #expect(screen.line(0).hasPrefix("00000000  42 01 02"), "the frame shows the edit, not the tick's bytes")
        let layout = try #require(editor.layout)
        #expect(screen.hexStyle(row: 1, byte: 4, layout: layout) == .changed)
        #expect(screen.hexStyle(row: 0, byte: 0, layout: layout) != .changed)
    }

    @Test func aWriteJustBeforeAKeyIsStillHighlighted() throws {
        let (editor, file, _) = try makeLiveEditor(countingBytes(64))
        OtherProcess.write([0x77], at: 40, to: file.path)
        editor.handle(keys("l"))
        let screen = editor.frame(width: 80, height: 8)
        let layout = try #require(editor.layout)
        #expect(screen.hexStyle(row: 2, byte: 8, layout: layout) == .changed)
    }

    @Test func growthUpdatesTheSizeAndTheNewBytesCanBeScrolledTo() throws {
        let (editor, file, _) = try makeLiveEditor(countingBytes(16), height: 5)
        OtherProcess.append(Array(repeating: 0x41, count: 200), to: file.path)
        #expect(editor.tick())
        var screen = editor.frame(width: 80, height: 5)
        #expect(screen.line(3).contains("216 B"))
        #expect(editor.messageText == "the file grew from 16 to 216 bytes (changed outside hexmap)")
        editor.handle(keys("G"))
        screen = editor.frame(width: 80, height: 5)
        #expect(screen.line(2).hasPrefix("000000d0  41 41 41 41 41 41 41 41"))
        #expect(editor.cursor == 215)
    }

    @Test func truncationToZeroWhileShowingTheLostRangeDoesNotCrash() throws {
        let (editor, file, _) = try makeLiveEditor(countingBytes(4096))
        editor.handle(keys(":0x800<Enter>"))
        _ = editor.frame(width: 80, height: 8)
        OtherProcess.truncate(file.path, to: 0)
        // A frame before the tick reads the lost range: the guard turns the fault into a message.
        var screen = editor.frame(width: 80, height: 8)
        #expect(editor.tick() || editor.document.size == 0)
        screen = editor.frame(width: 80, height: 8)
        #expect(editor.document.size == 0)
        #expect(screen.line(0).contains("(empty file"))
        #expect(screen.line(6).contains("0 B"))
        #expect(screen.line(7).contains("shrank"))
        #expect(editor.cursor == 0)

        // The file grows back: the view follows, nothing is stale.
        OtherProcess.append(Array("back".utf8), to: file.path)
        #expect(editor.tick())
        screen = editor.frame(width: 80, height: 8)
        #expect(screen.line(0).hasPrefix("00000000  62 61 63 6b"))
    }

    @Test func anEditIntoTheLostRangeFailsAndChangesNothingElse() throws {
        let (editor, file, _) = try makeLiveEditor(Array(repeating: 0x5A, count: 8192))
        OtherProcess.truncate(file.path, to: 100)
        // Before any tick the editor still believes in 8192 bytes.
        editor.handle(keys(":patch 5000 01 02 03<Enter>"))
        #expect(editor.messageIsError)
        #expect(editor.messageText?.contains("shrank") == true)
        #expect(editor.document.unsyncedEdits == 0)
        #expect(file.bytes == Array(repeating: 0x5A, count: 100))
        editor.tick()
        #expect(editor.document.size == 100)
        // The part that is still there edits normally.
        editor.handle(keys(":patch 10 01<Enter>"))
        #expect(!editor.messageIsError)
        #expect(file.bytes[10] == 1)
    }

    @Test func deletionAndRotationAreReportedAndReopenOpensTheNewFile() throws {
        let (editor, file, _) = try makeLiveEditor(Array("old contents".utf8))
        let layout = try #require(editor.layout)
        try FileManager.default.moveItem(atPath: file.path, toPath: file.path + ".1")
        #expect(editor.tick())
        var screen = editor.frame(width: 80, height: 8)
        #expect(screen.line(layout.statusRow).contains("DELETED"))
        #expect(screen.line(7).contains("was deleted"))

        try Data("the new file".utf8).write(to: URL(fileURLWithPath: file.path))
        #expect(editor.tick())
        screen = editor.frame(width: 80, height: 8)
        #expect(screen.line(layout.statusRow).contains("REPLACED"))
        #expect(screen.line(7).contains(":reopen opens it"))
        #expect(screen.line(0).contains("|old contents"), "still the old file until asked")

        editor.handle(keys(":reopen<Enter>"))
        #expect(editor.messageText?.hasPrefix("reopened") == true)
        editor.tick()
        screen = editor.frame(width: 80, height: 8)
        #expect(screen.line(0).contains("|the new file"))
        #expect(!screen.line(layout.statusRow).contains("REPLACED"))
        #expect(!screen.line(layout.statusRow).contains("changed"), "a new file is not a change")
        editor.handle(keys("rff"))
        #expect(file.bytes.first == 0xFF, "edits go to the new file")
    }

    @Test func reopenRefusesWhileTheOldFileHasUnsyncedEdits() throws {
        let (editor, file, _) = try makeLiveEditor(Array("old".utf8))
        editor.handle(keys("r41"))
        try FileManager.default.removeItem(atPath: file.path)
        try Data("new".utf8).write(to: URL(fileURLWithPath: file.path))
        editor.handle(keys(":reopen<Enter>"))
        #expect(editor.messageIsError)
        #expect(editor.messageText?.contains("1 unsynced edits belong to the old file") == true)
        editor.handle(keys(":w<Enter>:reopen<Enter>"))
        #expect(editor.messageText?.hasPrefix("reopened") == true)
        #expect(editor.document.size == 3)
    }
}

/// Replaying a resize must never cut bytes another process appended since.
@Suite struct ResizeReplayTests {
    @Test func undoOfAResizeIsRefusedWhenAnotherProcessGrewTheFile() throws {
        let file = TemporaryFile([UInt8](repeating: 0x41, count: 1000))
        let document = try Document(path: file.path)
        try document.resize(to: 2000)
        OtherProcess.append([UInt8](repeating: 0x42, count: 500), to: file.path)
        #expect(throws: EditorError.self) { _ = try document.undo() }
        let onDisk = file.bytes
        #expect(onDisk.count == 2500)
        #expect(onDisk.suffix(500).allSatisfy { $0 == 0x42 })  // the other process's bytes survive
        document.close()
    }

    @Test func undoOfAResizeStillWorksWhenNothingElseChanged() throws {
        let file = TemporaryFile([UInt8](repeating: 0x41, count: 1000))
        let document = try Document(path: file.path)
        try document.resize(to: 10)
        #expect(document.size == 10)
        #expect(try document.undo() == 10)
        #expect(try document.read(at: 0, count: 1000) == [UInt8](repeating: 0x41, count: 1000))
        #expect(try document.redo() != nil)
        #expect(document.size == 10)
        document.close()
    }
}

/// A script's rollback must still reach the old file after log rotation.
@Suite struct ReopenDuringAScriptTests {
    @Test func reopenIsRefusedWhileAScriptsEditsBelongToTheOldFile() throws {
        let file = TemporaryFile([UInt8](repeating: 0x41, count: 100))
        let document = try Document(path: file.path)
        let scriptStart = document.journal.checkpoint()
        try document.overwrite(at: 0, with: [0xFF])
        try document.sync()
        // Rotation: the old file moves away, a new one takes the path.
        let rotated = file.path + ".1"
        #expect(rename(file.path, rotated) == 0)
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data([1, 2, 3])))
        #expect(throws: EditorError.self) { _ = try document.reopenIfReplaced() }
        // Rolling the script back still restores the old file's byte.
        document.journal.forget(scriptStart)
        _ = try document.undo()
        try document.sync()
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: rotated)))[0] == 0x41)
        document.close()
        try? FileManager.default.removeItem(atPath: rotated)
    }
}
