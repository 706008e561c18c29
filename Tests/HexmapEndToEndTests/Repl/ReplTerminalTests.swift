import Foundation
import Testing

/// The REPL on a terminal (tmux): the prompt, line editing, Tab completion, Ctrl-C, and a
/// history kept across two sessions.
@Suite(.enabled(if: TmuxSession.isTmuxInstalled, "tmux is not installed"))
struct ReplTerminalTests {
    @Test func promptEditingCompletionAndHistory() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("repl.bin", bytes: Array("hello world".utf8))
        let state = try scratch.file("state-marker", bytes: [])
        let stateHome = (state as NSString).deletingLastPathComponent + "/state"
        let first = try TmuxSession(arguments: [path, "--repl"], environment: ["XDG_STATE_HOME": stateHome])
        try first.waitFor("hexmap> ")
        // Tab completes the command name; Ctrl-A and Ctrl-E move along the line.
        try first.type("pri")
        try first.press("Tab")
        try first.type("0 4")
        try first.press("C-a")
        try first.type(" ")
        try first.press("C-e")
        try first.press("Enter")
        var screen = try first.waitFor("6865 6c6c")
        #expect(screen.contains("hexmap>  print 0 4"))
        // Several candidates are listed; Ctrl-C cancels the line, the session goes on.
        try first.type("fi")
        try first.press("Tab")
        try first.waitFor("fill  find")
        try first.press("C-c")
        try first.type("info")
        try first.press("Enter")
        screen = try first.waitFor("unsynced_edits: 0")
        #expect(screen.contains("^C"))
        try first.press("C-d")
        screen = try first.waitFor("hexmap-exit=")
        #expect(screen.contains("hexmap-exit=0"))

        // A second session finds both lines in its history (Up), newest first.
        let second = try TmuxSession(arguments: [path, "--repl"], environment: ["XDG_STATE_HOME": stateHome])
        try second.waitFor("hexmap> ")
        try second.press("Up")
        try second.waitFor("hexmap> info")
        try second.press("Up")
        try second.waitFor("hexmap>  print 0 4")
        try second.press("Enter")
        try second.waitFor("00000000: 6865 6c6c")
        try second.type("q")
        try second.press("Enter")
        #expect(try second.waitFor("hexmap-exit=").contains("hexmap-exit=0"))
    }
}
