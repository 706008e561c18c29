import Testing

@testable import HexEditor

/// 80 columns, 12 rows: 16 bytes a row, 10 data rows, a page of 160 bytes.
@Suite("Cursor motion")
struct CursorMotionTests {
    @Test func motionsAtOffsetZeroStayAtZero() throws {
        let (editor, _) = try makeEditor(countingBytes(100))
        for key in keys("hkb0g<Left><Up><PgUp><C-u><Home>") {
            editor.handle(key)
            #expect(editor.cursor == 0, "after \(key)")
        }
    }

    @Test func motionsAtTheLastByteStayThere() throws {
        let (editor, _) = try makeEditor(countingBytes(100))
        editor.handle(keys("G"))
        #expect(editor.cursor == 99)
        for key in keys("ljwG$<Right><Down><PgDn><C-d><End>") {
            editor.handle(key)
            #expect(editor.cursor == 99, "after \(key)")
        }
    }

    @Test func everyKeyIsHarmlessInAnEmptyFile() throws {
        let (editor, file) = try makeEditor([])
        editor.handle(keys("hjklwbgG0$<PgDn><PgUp><C-d><C-u><Tab>nN"))
        #expect(editor.cursor == 0)
        editor.handle(keys("R"))
        #expect(editor.mode == .normal)
        #expect(editor.messageIsError)
        #expect(editor.messageText?.contains("empty") == true)
        #expect(file.bytes == [])
        _ = editor.frame(width: 80, height: 12)
    }

    @Test func aFileOfExactlyOneRowHasNoRowBelow() throws {
        let (editor, _) = try makeEditor(countingBytes(16))
        editor.handle(keys("lll"))
        #expect(editor.cursor == 3)
        editor.handle(keys("j"))
        #expect(editor.cursor == 3)
        editor.handle(keys("k"))
        #expect(editor.cursor == 3)
        editor.handle(keys("$"))
        #expect(editor.cursor == 15)
        editor.handle(keys("<PgDn>"))
        #expect(editor.cursor == 15)
        editor.handle(keys("0"))
        #expect(editor.cursor == 0)
    }

    @Test func downIntoAShortLastRowLandsOnTheLastByte() throws {
        let (editor, _) = try makeEditor(countingBytes(20))
        editor.handle(keys("ll"))
        editor.handle(keys("j"))
        #expect(editor.cursor == 18)
        editor.handle(keys("k$j"))
        #expect(editor.cursor == 19)
    }

    @Test func rowAndByteMotions() throws {
        let (editor, _) = try makeEditor(countingBytes(1000))
        editor.handle(keys("jj"))
        #expect(editor.cursor == 32)
        editor.handle(keys("lll"))
        #expect(editor.cursor == 35)
        editor.handle(keys("<Down><Right>"))
        #expect(editor.cursor == 52)
        editor.handle(keys("<Up><Left>h"))
        #expect(editor.cursor == 34)
        editor.handle(keys("$"))
        #expect(editor.cursor == 47)
        editor.handle(keys("<Home>"))
        #expect(editor.cursor == 32)
    }

    @Test func wordMotionsJumpByGroupsOfEightBytes() throws {
        let (editor, _) = try makeEditor(countingBytes(100))
        editor.handle(keys("lll"))
        editor.handle(keys("w"))
        #expect(editor.cursor == 8)
        editor.handle(keys("w"))
        #expect(editor.cursor == 16)
        editor.handle(keys("l"))
        editor.handle(keys("b"))
        #expect(editor.cursor == 16)
        editor.handle(keys("b"))
        #expect(editor.cursor == 8)
    }

    @Test func pagesMoveCursorAndViewTogether() throws {
        let (editor, _) = try makeEditor(countingBytes(4096))
        _ = editor.frame(width: 80, height: 12)
        editor.handle(keys("l<PgDn>"))
        #expect(editor.cursor == 161)
        _ = editor.frame(width: 80, height: 12)
        #expect(editor.top == 160)
        editor.handle(keys("<C-d>"))
        #expect(editor.cursor == 161 + 80)
        editor.handle(keys("<C-u><PgUp>"))
        #expect(editor.cursor == 1)
        _ = editor.frame(width: 80, height: 12)
        #expect(editor.top == 0)
    }

    @Test func theViewFollowsTheCursorToTheEnd() throws {
        let (editor, _) = try makeEditor(countingBytes(4096))
        editor.handle(keys("G"))
        _ = editor.frame(width: 80, height: 12)
        #expect(editor.cursor == 4095)
        #expect(editor.top == 4096 - 160)
        editor.handle(keys("g"))
        _ = editor.frame(width: 80, height: 12)
        #expect(editor.top == 0)
    }

    @Test func tabSwitchesPanes() throws {
        let (editor, _) = try makeEditor(countingBytes(10))
        #expect(editor.pane == .hex)
        editor.handle(.tab)
        #expect(editor.pane == .text)
        editor.handle(.tab)
        #expect(editor.pane == .hex)
    }

    @Test func aNarrowerTerminalChangesWhatARowIs() throws {
        let (editor, _) = try makeEditor(countingBytes(100), width: 50)
        editor.handle(keys("j"))
        #expect(editor.cursor == 8)
        editor.resize(width: 80, height: 12)
        editor.handle(keys("j"))
        #expect(editor.cursor == 24)
    }
}

@Suite("Cursor motion, vi habits")
struct ViHabitTests {
    @Test func spaceAndBackspaceMoveByOneByte() throws {
        let (editor, _) = try makeEditor(countingBytes(10))
        editor.handle(keys("   "))
        #expect(editor.cursor == 3)
        editor.handle(keys("<BS>"))
        #expect(editor.cursor == 2)
    }
}
