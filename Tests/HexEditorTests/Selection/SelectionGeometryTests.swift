import Testing

@testable import HexEditor

/// `v` and the bytes it selects: anchor to cursor, both included, in either direction, over
/// rows and pages, following every motion, clamped when the file shrinks. 80x12: 16 bytes a
/// row, 10 data rows, a page of 160 bytes.
@Suite("Selection geometry")
struct SelectionGeometryTests {
    @Test func vSelectsTheCursorByteAndMotionsExtendItForward() throws {
        let (editor, _) = try makeEditor(countingBytes(1000))
        editor.handle(keys("lllv"))
        #expect(editor.selectedBytes == 3...3)
        editor.handle(keys("ll"))
        #expect(editor.selectedBytes == 3...5)
        editor.handle(keys("j"))
        #expect(editor.selectedBytes == 3...21, "across a row")
        editor.handle(keys("<PgDn>"))
        #expect(editor.selectedBytes == 3...181, "across a page")
    }

    @Test func movingBackPastTheAnchorSelectsBackward() throws {
        let (editor, _) = try makeEditor(countingBytes(1000))
        editor.handle(keys(":500<Enter>v"))
        editor.handle(keys("hhh"))
        #expect(editor.selectedBytes == 497...500)
        editor.handle(keys("k"))
        #expect(editor.selectedBytes == 481...500, "a row up")
        editor.handle(keys("<PgUp>"))
        #expect(editor.selectedBytes == 321...500, "a page up")
        editor.handle(keys("g"))
        #expect(editor.selectedBytes == 0...500)
        editor.handle(keys("G"))
        #expect(editor.selectedBytes == 500...999, "G goes past the anchor: it flips")
    }

    @Test func searchMarksAndGotoExtendItToo() throws {
        var bytes = [UInt8](repeating: 0, count: 600)
        bytes.replaceSubrange(400..<403, with: Array("ABC".utf8))
        let (editor, _) = try makeEditor(bytes)
        editor.handle(keys("llv/\"ABC\"<Enter>"))
        #expect(editor.selectedBytes == 2...400)
        editor.handle(keys("N"))
        #expect(editor.selectedBytes == 2...400, "the only match: wrapped back to it")
        editor.handle(keys(":goto 550<Enter>"))
        #expect(editor.selectedBytes == 2...550)
        #expect(editor.interpreter.marks["a"] == nil)
        _ = try editor.interpreter.run(line: "mark a 100", context: CommandContext(cursor: 0))
        editor.handle(keys("'a"))
        #expect(editor.cursor == 100)
        #expect(editor.selectedBytes == 2...100, "a jump to a mark extends it")
    }

    @Test func escOrVAgainEndsIt() throws {
        let (editor, _) = try makeEditor(countingBytes(100))
        editor.handle(keys("vll"))
        #expect(editor.selectedBytes == 0...2)
        editor.handle(keys("<Esc>"))
        #expect(editor.selectedBytes == nil)
        editor.handle(keys("vlv"))
        #expect(editor.selectedBytes == nil)
        #expect(editor.cursor == 3)
    }

    @Test func theStatusLineAndTheBannerShowIt() throws {
        let (editor, _) = try makeEditor(countingBytes(100))
        editor.handle(keys("lvj"))
        let screen = editor.frame(width: 80, height: 12)
        #expect(screen.line(10).contains("sel 0x1-0x11 (17 bytes)"))
        #expect(screen.line(11).hasPrefix("-- VISUAL --"))
        editor.handle(keys("<Esc>"))
        #expect(!editor.frame(width: 80, height: 12).line(10).contains("sel "))
        editor.handle(keys("v"))
        #expect(editor.frame(width: 80, height: 12).line(10).contains("sel 0x11-0x11 (1 byte)"))
    }

    @Test func aFileThatShrinksUnderItClampsIt() throws {
        let (editor, file) = try makeEditor(countingBytes(300))
        editor.handle(keys(":250<Enter>vG"))
        #expect(editor.selectedBytes == 250...299)
        OtherProcess.truncate(file.path, to: 100)
        _ = editor.tick()
        _ = editor.frame(width: 80, height: 12)
        #expect(editor.selectedBytes == 99...99, "anchor and cursor both on the new last byte")
        OtherProcess.truncate(file.path, to: 300)
        _ = editor.tick()
        editor.handle(keys("k"))
        #expect(editor.selectedBytes == 83...99, "the anchor stays clamped when the file grows back")
        OtherProcess.truncate(file.path, to: 0)
        _ = editor.tick()
        #expect(editor.selectedBytes == nil, "nothing to select in an empty file")
        _ = editor.frame(width: 80, height: 12)
    }

    @Test func editingEndsIt() throws {
        let (editor, _) = try makeEditor(countingBytes(100))
        editor.handle(keys("vllR"))
        #expect(editor.mode == .overwrite)
        #expect(editor.selectedBytes == nil)
        editor.handle(keys("<Esc>vl:patch 50 00<Enter>"))
        #expect(editor.selectedBytes == nil, "an edit ends it: its bytes may have moved")
        editor.handle(keys("vl:info<Enter>q"))
        #expect(editor.selectedBytes == 50...51, "a command that neither edits nor takes it keeps it")
    }
}
