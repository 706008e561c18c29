import Foundation
import Synchronization
import Testing

@testable import HexEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A writer rewriting and truncating the file in a loop while the editor ticks,
/// redraws as fast as it can, and runs edits, searches and fills: zero crashes,
/// and every failure is a clear message.
@Suite("Live view under a hostile writer")
struct LiveStressTests {
    @Test func truncatingWriterNeverCrashesTheEditor() throws {
        let (editor, file, _) = try makeLiveEditor(Array(repeating: 0x30, count: 256 << 10), height: 24)
        let stop = Atomic<Bool>(false)
        let finished = Atomic<Bool>(false)
        let path = file.path
        let writer = Thread {
            defer { finished.store(true, ordering: .releasing) }
            var round = 0
            while !stop.load(ordering: .relaxed) {
                round += 1
                switch round % 4 {
                case 0: OtherProcess.truncate(path, to: 0)
                case 1: OtherProcess.truncate(path, to: 256 << 10)
                case 2:
                    OtherProcess.write(Array(repeating: UInt8(truncatingIfNeeded: round), count: 4096), at: 0, to: path)
                default: OtherProcess.truncate(path, to: (round * 7919) % (300 << 10))
                }
            }
        }
        writer.start()
        defer { stop.store(true, ordering: .relaxed) }

        let commands = [
            ":fill 0 $ 41<Enter>", ":find \"AAAA\" from 0<Enter>", ":patch 0x1000 de ad<Enter>", "G", "g",
            ":0x20000<Enter>", ":u<Enter>", "F", "<PgDn>", ":print 0 64<Enter>q", ":reopen<Enter>",
        ]
        var frames = 0
        var errors = 0
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline {
            for command in commands {
                editor.handle(keys(command))
                if editor.messageIsError { errors += 1 }
                editor.tick()
                let screen = editor.frame(width: 80, height: 24)
                frames += 1
                // The status line always shows the size the editor believes in.
                #expect(screen.line(22).contains(Formatting.humanSize(editor.document.size)))
                #expect(editor.cursor <= max(0, editor.document.size - 1))
            }
        }
        stop.store(true, ordering: .relaxed)
        #expect(frames > 100)
        #expect(errors > 0, "the writer should have made some commands fail")
        // Afterwards the editor still works on whatever the file is now.
        while !finished.load(ordering: .acquiring) { usleep(1000) }
        OtherProcess.truncate(path, to: 32)
        editor.tick()
        editor.handle(keys(":patch 0 \"ok\"<Enter>"))
        #expect(editor.document.size == 32)
        #expect(!editor.messageIsError, "\(editor.messageText ?? "")")
        #expect(Array(file.bytes.prefix(2)) == Array("ok".utf8))
    }
}
