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

/// An editor killed with SIGKILL leaves a journal; the next editor says so and `:recover
/// rollback` gives the bytes back.
@Suite(.enabled(if: TmuxSession.isTmuxInstalled, "tmux is not installed"))
struct InteractiveRecoveryTests {
    @Test func aKilledEditorsEditsAreRecoveredInTheNextOne() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("killed.bin", bytes: Array("hello".utf8))
        let state = (path as NSString).deletingLastPathComponent + "/state"
        let first = try TmuxSession(arguments: [path], environment: ["XDG_STATE_HOME": state])
        try first.waitFor("killed.bin")
        try first.type("r41lr42")
        try first.waitFor("2 unsynced")
        let pid = try #require(try first.hexmapPID())
        kill(pid, SIGKILL)
        try first.waitFor("hexmap-exit=137")
        #expect(FileManager.default.contents(atPath: path) == Data("ABllo".utf8))

        let second = try TmuxSession(arguments: [path], environment: ["XDG_STATE_HOME": state])
        let screen = try second.waitFor("from an earlier session")
        #expect(screen.contains("2 unsynced edits from an earlier session (pid \(pid))"))
        try second.type("r5a")
        try second.waitFor("resolve it first")
        try second.type(":recover rollback")
        try second.press("Enter")
        try second.waitFor("rolled back 2 unsynced edits")
        #expect(FileManager.default.contents(atPath: path) == Data("hello".utf8))
        try second.type(":q")
        try second.press("Enter")
        #expect(try second.waitFor("hexmap-exit=").contains("hexmap-exit=0"))
    }
}
