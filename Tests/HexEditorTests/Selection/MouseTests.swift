import Testing

@testable import HexEditor

/// The mouse, as `Key.mouse` events: 80x12, 16 bytes a row; the hex pair of byte i of a row
/// starts at column 10 + 3i (+1 after the eighth), the text pane at column 61.
@Suite("Mouse")
struct MouseTests {
    private func mouse(_ action: MouseEvent.Action, row: Int, column: Int) -> Key {
        .mouse(MouseEvent(action, row: row, column: column))
    }

    @Test func cellsMapToBytesInBothPanes() throws {
        let layout = try #require(Layout(width: 80, height: 12, fileSize: 1000))
        #expect(layout.byte(atRow: 0, column: 10)! == (0, .hex))
        #expect(layout.byte(atRow: 0, column: 11)! == (0, .hex))
        #expect(layout.byte(atRow: 0, column: 12)! == (0, .hex), "the space after a pair is its byte's")
        #expect(layout.byte(atRow: 0, column: 13)! == (1, .hex))
        #expect(layout.byte(atRow: 0, column: 34)! == (7, .hex), "the wider gap between groups too")
        #expect(layout.byte(atRow: 0, column: 35)! == (8, .hex))
        #expect(layout.byte(atRow: 2, column: 57)! == (47, .hex))
        #expect(layout.byte(atRow: 1, column: 61)! == (16, .text))
        #expect(layout.byte(atRow: 1, column: 76)! == (31, .text))
        #expect(layout.byte(atRow: 0, column: 3) == nil, "the offset column")
        #expect(layout.byte(atRow: 0, column: 60) == nil, "the bar")
        #expect(layout.byte(atRow: 0, column: 77) == nil)
        #expect(layout.byte(atRow: 10, column: 20) == nil, "the status line")
    }

    @Test func aClickMovesTheCursorAndPicksThePane() throws {
        let (editor, _) = try makeEditor(countingBytes(1000))
        _ = editor.frame(width: 80, height: 12)
        editor.handle(mouse(.press, row: 2, column: 16))
        editor.handle(mouse(.release, row: 2, column: 16))
        #expect(editor.cursor == 34)
        #expect(editor.pane == .hex)
        #expect(editor.selectedBytes == nil, "a click selects nothing")
        editor.handle(mouse(.press, row: 3, column: 63))
        editor.handle(mouse(.release, row: 3, column: 63))
        #expect(editor.cursor == 50)
        #expect(editor.pane == .text)
    }

    @Test func aDragSelectsInEitherDirection() throws {
        let (editor, _) = try makeEditor(countingBytes(1000))
        _ = editor.frame(width: 80, height: 12)
        editor.handle(mouse(.press, row: 1, column: 13))
        editor.handle(mouse(.drag, row: 1, column: 19))
        editor.handle(mouse(.drag, row: 3, column: 10))
        editor.handle(mouse(.release, row: 3, column: 10))
        #expect(editor.selectedBytes == 17...48)
        editor.handle(mouse(.press, row: 5, column: 10))
        #expect(editor.selectedBytes == nil, "a new press ends the old selection")
        editor.handle(mouse(.drag, row: 4, column: 22))
        editor.handle(mouse(.release, row: 4, column: 22))
        #expect(editor.selectedBytes == 68...80, "backward")
        #expect(editor.frame(width: 80, height: 12).line(10).contains("sel 0x44-0x50 (13 bytes)"))
    }

    @Test func terminalsThatReportNoMotionStillSelectOnRelease() throws {
        let (editor, _) = try makeEditor(countingBytes(1000))
        _ = editor.frame(width: 80, height: 12)
        editor.handle(mouse(.press, row: 0, column: 10))
        // Some terminals report a drag as presses while the button is held.
        editor.handle(mouse(.press, row: 0, column: 16))
        #expect(editor.selectedBytes == 0...2)
        editor.handle(mouse(.release, row: 1, column: 61))
        #expect(editor.selectedBytes == 0...16)
        editor.handle(mouse(.press, row: 2, column: 10))
        editor.handle(mouse(.release, row: 2, column: 22))
        #expect(editor.selectedBytes == 32...36)
    }

    @Test func theWheelScrollsThreeRowsAndTheCursorKeepsItsPlace() throws {
        let (editor, _) = try makeEditor(countingBytes(1000))
        _ = editor.frame(width: 80, height: 12)
        editor.handle(keys("jl"))
        editor.handle(mouse(.wheelDown, row: 4, column: 10))
        #expect(editor.top == 48)
        #expect(editor.cursor == 17 + 48)
        editor.handle(mouse(.wheelUp, row: 4, column: 10))
        editor.handle(mouse(.wheelUp, row: 4, column: 10))
        #expect(editor.top == 0)
        #expect(editor.cursor == 1, "at the top the cursor moves instead")
        editor.handle(keys("v"))
        editor.handle(mouse(.wheelDown, row: 4, column: 10))
        #expect(editor.selectedBytes == 1...49, "the wheel extends a selection like any motion")
    }

    @Test func clicksOffTheBytesAndInAnEmptyFileDoNothing() throws {
        let (editor, _) = try makeEditor(countingBytes(20))
        _ = editor.frame(width: 80, height: 12)
        editor.handle(mouse(.press, row: 10, column: 5))
        editor.handle(mouse(.press, row: 0, column: 2))
        #expect(editor.cursor == 0)
        editor.handle(mouse(.press, row: 6, column: 40))
        editor.handle(mouse(.release, row: 6, column: 40))
        #expect(editor.cursor == 19, "below the last row: the last byte")
        let (empty, _) = try makeEditor([])
        _ = empty.frame(width: 80, height: 12)
        empty.handle(mouse(.press, row: 0, column: 10))
        empty.handle(mouse(.wheelDown, row: 0, column: 10))
        #expect(empty.cursor == 0)
    }

    @Test func setMouseOffIgnoresItAndOverwriteModeOnlyMoves() throws {
        let (editor, _) = try makeEditor(countingBytes(100))
        _ = editor.frame(width: 80, height: 12)
        editor.handle(keys(":set mouse off<Enter>"))
        #expect(!editor.mouseEnabled)
        editor.handle(mouse(.press, row: 1, column: 10))
        #expect(editor.cursor == 0)
        editor.handle(keys(":set mouse=on<Enter>R"))
        editor.handle(mouse(.press, row: 1, column: 10))
        editor.handle(mouse(.drag, row: 1, column: 16))
        editor.handle(mouse(.release, row: 1, column: 16))
        #expect(editor.mode == .overwrite)
        #expect(editor.cursor == 18)
        #expect(editor.selectedBytes == nil)
        #expect(!editor.messageIsError)
    }

    @Test func theWheelScrollsThePager() throws {
        let (editor, _) = try makeEditor(countingBytes(10))
        editor.handle(keys("<F1>"))
        editor.handle(mouse(.wheelDown, row: 3, column: 3))
        #expect(editor.frame(width: 80, height: 12).text.contains("lines 4-13"))
    }
}
