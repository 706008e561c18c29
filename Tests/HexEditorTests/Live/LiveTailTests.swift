import Foundation
import HexDump
import TestSupport
import Testing

@testable import HexEditor

@Suite("Headless watch (LiveTail)")
struct LiveTailTests {
    @Test func appendedBytesComeOutAsXXDLines() throws {
        let file = TemporaryFile(Array("start".utf8), name: "tail")
        let document = try Document(path: file.path)
        let sink = CollectingSink()
        let tail = LiveTail(document: document, output: sink, from: document.size)
        #expect(try tail.look().isEmpty)
        #expect(sink.bytes.isEmpty, "nothing new yet")
        OtherProcess.append(Array("0123456789abcdefXYZ".utf8), to: file.path)
        #expect(try tail.look().isEmpty)
        #expect(
            sink.lines == [
                "00000005: 3031 3233 3435 3637 3839 6162 6364 6566  0123456789abcdef",
                "00000015: 5859 5a                                  XYZ",
            ])
        #expect(sink.bytes == XXDFormatter.dump(Array("0123456789abcdefXYZ".utf8), at: 5))
        #expect(tail.position == 24)
    }

    @Test func aShrinkIsReportedAndPrintingGoesOnFromTheNewEnd() throws {
        let file = TemporaryFile(Array(repeating: 0x61, count: 100), name: "tail")
        let document = try Document(path: file.path)
        let sink = CollectingSink()
        let tail = LiveTail(document: document, output: sink, from: 100)
        OtherProcess.truncate(file.path, to: 0)
        let notices = try tail.look()
        #expect(notices == ["\(file.path) shrank from 100 to 0 bytes; printing from the new end"])
        OtherProcess.append([0x42, 0x43], to: file.path)
        #expect(try tail.look().isEmpty)
        #expect(sink.lines == ["00000000: 4243                                     BC"])
    }

    @Test func rotationIsFollowedToTheNewFile() throws {
        let file = TemporaryFile(Array("old".utf8), name: "tail")
        let document = try Document(path: file.path)
        let sink = CollectingSink()
        let tail = LiveTail(document: document, output: sink, from: 3)
        try FileManager.default.removeItem(atPath: file.path)
        #expect(try tail.look() == ["\(file.path) was deleted; waiting for a new file at the path"])
        #expect(try tail.look().isEmpty, "said once")
        try Data("new!".utf8).write(to: URL(fileURLWithPath: file.path))
        #expect(try tail.look() == ["\(file.path) was replaced by a new file; printing it from its start"])
        #expect(sink.lines == ["00000000: 6e65 7721                                new!"])
    }
}

@Suite("File watcher")
struct FileWatcherTests {
    @Test func inotifyWakesOnAWriteAndOnDeletion() throws {
        let file = TemporaryFile(Array("x".utf8), name: "watch")
        let watcher = FileWatcher(path: file.path)
        #expect(watcher.mechanism == .inotify)
        let descriptor = try #require(watcher.descriptor)
        #expect(!isReadable(descriptor))
        OtherProcess.append([1], to: file.path)
        #expect(isReadable(descriptor))
        #expect(watcher.drainEvents())
        #expect(!isReadable(descriptor), "drained")
        // Another file in the same directory is not news.
        let neighbour = TemporaryFile(Array("y".utf8), name: "neighbour")
        OtherProcess.append([1], to: neighbour.path)
        #expect(!watcher.drainEvents())
        try FileManager.default.removeItem(atPath: file.path)
        #expect(watcher.drainEvents())
    }

    @Test func withoutNotificationsItSaysPolling() {
        let file = TemporaryFile(Array("x".utf8), name: "watch")
        let watcher = FileWatcher(path: file.path, notifications: false)
        #expect(watcher.mechanism == .polling)
        #expect(watcher.descriptor == nil)
        #expect(!watcher.drainEvents())
    }

    func isReadable(_ descriptor: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) == 1
    }
}
