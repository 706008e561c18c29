import Foundation
import TestSupport
import Testing

@testable import HexEditor

/// `/`, `?`, `n` and `N` in the editor: directions, wrap-around, progress and cancel.
@Suite struct EditorSearchTests {
    @Test func forwardBackwardNextAndPreviousWithWrap() throws {
        let (editor, _) = try makeEditor(Array("..AB..AB..ab..".utf8))
        editor.handle(keys(#"/"AB"<Enter>"#))
        #expect(editor.cursor == 2)
        #expect(editor.messageText == "found at 0x2")
        editor.handle(keys("n"))
        #expect(editor.cursor == 6)
        editor.handle(keys("n"))
        #expect(editor.cursor == 2)
        #expect(editor.messageText == "search wrapped: 0x2")
        editor.handle(keys("N"))
        #expect(editor.cursor == 6, "N goes the other way and wraps to the end")
        editor.handle(keys(#"?i"ab"<Enter>"#))
        #expect(editor.cursor == 2, "? searches backward from the cursor")
        editor.handle(keys("n"))
        #expect(editor.cursor == 10, "n repeats backward and wraps to the end")
        editor.handle(keys("N"))
        #expect(editor.cursor == 2)
    }

    @Test func notFoundAndBadPatternsSaySo() throws {
        let (editor, _) = try makeEditor(Array("abc".utf8))
        editor.handle(keys("/7a<Enter>"))
        #expect(editor.messageIsError)
        #expect(editor.messageText == "not found: 7a")
        editor.handle(keys("/4<Enter>"))
        #expect(editor.messageText?.contains("odd number of nibbles") == true)
        #expect(editor.cursor == 0)
    }

    @Test func aLongSearchShowsProgressAndStopsAtEscape() throws {
        // Real bytes (not holes), so every window is read: 96 MiB is three steps.
        let file = TemporaryFile([UInt8](repeating: 0xEE, count: 96 << 20))
        let editor = EditorState(document: try Document(path: file.path), width: 80, height: 24)
        editor.handle(keys("G"))
        let start = editor.cursor
        editor.handle(keys("/41<Enter>"))
        #expect(editor.isSearching)
        #expect(editor.messageText?.hasPrefix("searching") == true)
        let screen = editor.frame(width: 80, height: 24)
        #expect(screen.line(23).contains("Esc cancels"))
        #expect(screen.line(22).contains("searching 33%"), "the status line shows the progress")
        editor.handle(keys("jj"))
        #expect(editor.isSearching, "other keys wait for the search")
        editor.handle(keys("<Esc>"))
        #expect(!editor.isSearching)
        #expect(editor.messageText == "search cancelled")
        #expect(editor.cursor == start)
        editor.handle(keys("n"))
        while editor.isSearching { editor.continueSearch() }
        #expect(editor.messageText == "not found: 41")
    }
}
