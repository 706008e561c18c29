import Testing

@testable import HexEditor

@Suite("Overwrite editing")
struct OverwriteEditingTests {
    @Test func hexDigitsOverwriteTwoNibblesAByteAndAdvance() throws {
        let (editor, file) = try makeEditor([0, 0, 0, 0])
        editor.handle(keys("R"))
        #expect(editor.mode == .overwrite)
        editor.handle(keys("4"))
        #expect(file.bytes == [0, 0, 0, 0], "one nibble is pending, not written")
        #expect(editor.cursor == 0)
        editor.handle(keys("1aF"))
        #expect(file.bytes == [0x41, 0xaf, 0, 0])
        #expect(editor.cursor == 2)
        editor.handle(keys("<Esc>"))
        #expect(editor.mode == .normal)
        #expect(editor.document.unsyncedEdits == 2)
    }

    @Test func aPendingNibbleIsShownAndWrittenOnEscape() throws {
        let (editor, file) = try makeEditor([0x12, 0x34])
        editor.handle(keys("R7"))
        let screen = editor.frame(width: 80, height: 6)
        #expect(screen.line(0).hasPrefix("00000000  72 34"))
        #expect(screen[0, 10].style == .pending)
        editor.handle(keys("<Esc>"))
        #expect(file.bytes == [0x72, 0x34])
    }

    @Test func textPaneOverwritesWithPrintableCharacters() throws {
        let (editor, file) = try makeEditor([UInt8](repeating: 0x2e, count: 6))
        editor.handle(keys("<Tab>RHi!<Esc>"))
        #expect(file.bytes == Array("Hi!...".utf8))
        #expect(editor.cursor == 3)
    }

    @Test func aNonASCIICharacterInTheTextPaneSaysWhyItDidNothing() throws {
        let (editor, file) = try makeEditor([0x61, 0x62])
        editor.handle([.tab] + keys("R"))
        editor.handle(.character("é"))
        #expect(file.bytes == [0x61, 0x62])
        #expect(editor.messageIsError)
        #expect(
            editor.messageText?.hasPrefix(
                "U+00E9 (not ASCII) is not accepted here: the text pane writes one byte per key") == true)
        editor.handle(keys("<Esc>r"))
        editor.handle(.character("€"))
        #expect(editor.messageText?.hasPrefix("U+20AC (not ASCII)") == true)
        #expect(file.bytes == [0x61, 0x62])
    }

    @Test func overwritingNeverGrowsTheFile() throws {
        let (editor, file) = try makeEditor([1, 2])
        editor.handle(keys("lRaabbcc<Esc>"))
        #expect(file.bytes == [1, 0xcc])
        #expect(editor.document.size == 2)
        #expect(editor.cursor == 1)
    }

    @Test func nonHexKeysInTheHexPaneAreRefused() throws {
        let (editor, file) = try makeEditor([1, 2, 3])
        editor.handle(keys("Rz"))
        #expect(editor.messageIsError)
        #expect(editor.mode == .overwrite)
        #expect(file.bytes == [1, 2, 3])
    }

    @Test func arrowsMoveInOverwriteModeAndLettersAreData() throws {
        let (editor, file) = try makeEditor(countingBytes(40))
        editor.handle(keys("R<Down>ff<Esc>"))
        #expect(editor.cursor == 17)
        #expect(file.bytes[16] == 0xff)
    }

    @Test func replaceOneByteKeepsTheCursor() throws {
        let (editor, file) = try makeEditor([1, 2, 3])
        editor.handle(keys("lrFe"))
        #expect(file.bytes == [1, 0xfe, 3])
        #expect(editor.cursor == 1)
        #expect(editor.mode == .normal)
    }

    @Test func replaceInTheTextPaneTakesOneCharacter() throws {
        let (editor, file) = try makeEditor([1, 2, 3])
        editor.handle(keys("<Tab>rZ"))
        #expect(file.bytes == [0x5a, 2, 3])
    }

    @Test func replaceWithABadDigitChangesNothing() throws {
        let (editor, file) = try makeEditor([1, 2, 3])
        editor.handle(keys("r4x"))
        #expect(file.bytes == [1, 2, 3])
        #expect(editor.messageIsError)
        #expect(editor.mode == .normal)
        editor.handle(keys("r<Esc>"))
        #expect(file.bytes == [1, 2, 3])
    }

    @Test func undoAndRedoWalkTheJournalAndMoveTheCursor() throws {
        let (editor, file) = try makeEditor([0, 0, 0, 0])
        editor.handle(keys("R1122<Esc>"))
        #expect(file.bytes == [0x11, 0x22, 0, 0])
        editor.handle(keys("u"))
        #expect(file.bytes == [0x11, 0, 0, 0])
        #expect(editor.cursor == 1)
        editor.handle(keys("u"))
        #expect(file.bytes == [0, 0, 0, 0])
        #expect(editor.cursor == 0)
        editor.handle(keys("<C-r>"))
        #expect(file.bytes == [0x11, 0, 0, 0])
        editor.handle(keys("<C-r><C-r>"))
        #expect(file.bytes == [0x11, 0x22, 0, 0])
    }

    @Test func aReadOnlyFileRefusesEditing() throws {
        let (editor, file) = try makeEditor([1, 2, 3], readOnly: true)
        editor.handle(keys("R"))
        #expect(editor.mode == .normal)
        #expect(editor.messageIsError)
        editor.handle(keys("41r"))
        #expect(editor.messageIsError)
        editor.handle(keys("41"))
        #expect(file.bytes == [1, 2, 3])
        let screen = editor.frame(width: 80, height: 6)
        #expect(screen.line(4).contains("  ro  "))
    }
}

@Suite("Leaving modes")
struct LeavingModesTests {
    @Test func ctrlCLeavesOverwriteReplaceAndThePagerLikeEscape() throws {
        let (editor, file) = try makeEditor([0, 0, 0])
        editor.handle(keys("R1<C-c>"))
        #expect(editor.mode == .normal)
        #expect(file.bytes == [0x10, 0, 0], "the typed nibble is kept, as with Esc")
        editor.handle(keys("r<C-c>"))
        #expect(editor.mode == .normal)
        editor.handle(keys("?<C-c>"))
        #expect(editor.mode == .normal)
        #expect(file.bytes == [0x10, 0, 0])
    }
}
