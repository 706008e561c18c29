import Foundation
import Testing

/// The interactive editor on SIGTERM, SIGINT and SIGHUP leaves as `:q!` does (the unsynced
/// edits rolled back, the terminal restored), and a second editor on the same file opens
/// read-only, naming the first.
@Suite(.enabled(if: TmuxSession.isTmuxInstalled, "tmux is not installed"))
struct InteractiveSafetyTests {
    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func aSignalRollsTheUnsyncedEditsBack(signal: Int32) throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("signal.bin", bytes: Array("hello".utf8))
        let tmux = try TmuxSession(arguments: [path])
        try tmux.waitFor("signal.bin")
        try tmux.type("r41")
        try tmux.waitFor("1 unsynced")
        #expect(FileManager.default.contents(atPath: path) == Data("Aello".utf8), "the edit is in the file")
        let pid = try #require(try tmux.hexmapPID())
        kill(pid, signal)
        let screen = try tmux.waitFor("hexmap-done")
        #expect(screen.contains("hexmap-exit=\(128 + signal)"))
        #expect(screen.contains("rolled back 1 unsynced edit"), "\(screen)")
        #expect(screen.contains("\nicanon") && screen.contains("\necho"), "the terminal is restored")
        #expect(FileManager.default.contents(atPath: path) == Data("hello".utf8))
    }

    @Test func aSecondEditorOpensReadOnlyNamingTheFirst() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("shared.bin", bytes: Array("shared".utf8))
        let first = try TmuxSession(arguments: [path])
        try first.waitFor("shared.bin")
        let pid = try #require(try first.hexmapPID())
        let second = try TmuxSession(arguments: [path])
        let screen = try second.waitFor("read-only")
        #expect(screen.contains("is being edited by hexmap (pid \(pid)): read-only"), "\(screen)")
        try second.type("r41")
        try second.waitFor("read-only")
        #expect(FileManager.default.contents(atPath: path) == Data("shared".utf8))
        try first.type("r42")
        try first.waitFor("1 unsynced")
        #expect(FileManager.default.contents(atPath: path) == Data("Bhared".utf8))
    }
}
