import Foundation
import Testing

/// `/`, `?`, `n`, `N` and the wrap-around in the editor, under tmux.
@Suite(.enabled(if: TmuxSession.isTmuxInstalled, "tmux is not installed"))
struct SearchTerminalTests {
    @Test func searchBothWaysAndWrap() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("find.bin", bytes: Array("..PK....PK......pk..".utf8))
        let tmux = try TmuxSession(arguments: [path])
        try tmux.waitFor("find.bin")
        try tmux.type(#"/"PK""#)
        try tmux.press("Enter")
        try tmux.waitFor("found at 0x2")
        try tmux.type("n")
        try tmux.waitFor("found at 0x8")
        try tmux.type("n")
        var screen = try tmux.waitFor("search wrapped: 0x2")
        #expect(screen.contains("0x00000002 (2)"))
        try tmux.type(#"?i"pk""#)
        try tmux.press("Enter")
        screen = try tmux.waitFor("search wrapped: 0x10")
        #expect(screen.contains("0x00000010 (16)"), "? goes back from 0x2 and wraps to the last match")
        try tmux.type("N")
        try tmux.waitFor("search wrapped: 0x2")
        try tmux.press("F1")
        try tmux.waitFor("hexmap - keys and commands")
        try tmux.type("q:q")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("hexmap-exit=").contains("hexmap-exit=0"))
    }
}
