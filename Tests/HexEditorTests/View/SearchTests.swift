import Testing

@testable import HexEditor

@Suite("Search")
struct SearchTests {
    let bytes = Array("..cat..dog..cat..".utf8)

    @Test func slashFindsTheNextMatchOfAQuotedString() throws {
        let (editor, _) = try makeEditor(bytes)
        editor.handle(keys("/\"cat\"<Enter>"))
        #expect(editor.cursor == 2)
        editor.handle(keys("n"))
        #expect(editor.cursor == 12)
        editor.handle(keys("n"))
        #expect(editor.cursor == 2, "wraps to the start")
        #expect(editor.messageText?.contains("wrapped") == true)
    }

    @Test func hexPairsAndPreviousMatch() throws {
        let (editor, _) = try makeEditor(bytes)
        editor.handle(keys("/64 6f 67<Enter>"))
        #expect(editor.cursor == 7)
        editor.handle(keys("/\"cat\"<Enter>N"))
        #expect(editor.cursor == 2)
        editor.handle(keys("N"))
        #expect(editor.cursor == 12, "wraps to the end")
    }

    @Test func notFoundAndBadPatternsAreErrorsThatMoveNothing() throws {
        let (editor, _) = try makeEditor(bytes)
        editor.handle(keys("ll/\"cow\"<Enter>"))
        #expect(editor.cursor == 2)
        #expect(editor.messageIsError)
        #expect(editor.messageText?.contains("not found") == true)
        editor.handle(keys("/zz<Enter>"))
        #expect(editor.messageIsError)
        #expect(editor.cursor == 2)
    }

    @Test func nWithoutASearchSaysSo() throws {
        let (editor, _) = try makeEditor(bytes)
        editor.handle(keys("n"))
        #expect(editor.messageIsError)
        #expect(editor.cursor == 0)
    }
}
