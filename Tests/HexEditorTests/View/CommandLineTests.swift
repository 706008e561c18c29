import Foundation
import SystemPackage
import TestSupport
import Testing

@testable import HexEditor

@Suite("Interactive command line")
struct CommandLineTests {
    @Test func gotoAndTheBareOffsetShorthand() throws {
        let (editor, _) = try makeEditor(countingBytes(4096))
        editor.handle(keys(":goto 0x10<Enter>"))
        #expect(editor.cursor == 16)
        editor.handle(keys(":0x200<Enter>"))
        #expect(editor.cursor == 512)
        editor.handle(keys(":+4<Enter>"))
        #expect(editor.cursor == 516)
        editor.handle(keys(":$-1<Enter>"))
        #expect(editor.cursor == 4095)
        #expect(editor.mode == .normal)
        #expect(!editor.messageIsError)
    }

    @Test func typingShowsOnTheBottomLineWithTheCursor() throws {
        let (editor, _) = try makeEditor(countingBytes(64))
        editor.handle(keys(":goto 12"))
        let screen = editor.frame(width: 80, height: 8)
        #expect(screen.line(7).hasPrefix(":goto 12"))
        #expect(screen.cursorPosition?.row == 7)
        #expect(screen.cursorPosition?.column == 8)
    }

    @Test func lineEditingKeys() throws {
        let (editor, _) = try makeEditor(countingBytes(64))
        editor.handle(keys(":gto 5<Home><Right>o<End><BS>7<Enter>"))
        #expect(editor.cursor == 7)
        editor.handle(keys(":<BS>"))
        #expect(editor.mode == .normal, "Backspace on an empty line leaves it")
        editor.handle(keys(":goto 3<Esc>"))
        #expect(editor.cursor == 7, "Esc cancels the line")
        #expect(editor.mode == .normal)
    }

    @Test func tabCompletesFromTheCommandTable() throws {
        let (editor, _) = try makeEditor(Array("abcdef".utf8))
        editor.handle(keys(":pri<Tab>"))
        #expect(editor.input.text == "print ")
        editor.handle(keys("0 2 <Esc>:fi<Tab>"))
        #expect(editor.input.text == "fi")
        #expect(editor.messageText == "fill  find", "several candidates are listed")
        editor.handle(keys("nd 62 <Tab>"))
        #expect(editor.messageText == "all  back  count  from  to")
        editor.handle(keys("<Esc>:set colu<Tab>"))
        #expect(editor.input.text == "set columns")
    }

    @Test func linesEnteredGoToTheHistoryFile() throws {
        let (editor, _) = try makeEditor(Array("abc".utf8))
        let scratch = TemporaryFile("", name: "history")
        let path = scratch.path
        let history = HistoryFile(path: FilePath(path))
        history.append("find 62")
        editor.historyFile = history
        editor.handle(keys(":<Up>"))
        #expect(editor.input.text == "find 62", "earlier sessions' lines come back")
        editor.handle(keys("<Esc>:info<Enter>"))
        #expect(HistoryFile(path: FilePath(path)).load() == ["find 62", "info"])
    }

    @Test func historyBrowsesEarlierLinesAndGivesTheDraftBack() throws {
        let (editor, _) = try makeEditor(countingBytes(64))
        editor.handle(keys(":goto 5<Enter>:goto 9<Enter>"))
        editor.handle(keys(":go<Up>"))
        #expect(editor.frame(width: 80, height: 8).line(7).hasPrefix(":goto 9"))
        editor.handle(keys("<Up>"))
        #expect(editor.frame(width: 80, height: 8).line(7).hasPrefix(":goto 5"))
        editor.handle(keys("<Down><Down>"))
        #expect(editor.frame(width: 80, height: 8).line(7).trimmingSuffix() == ":go")
        editor.handle(keys("<Up><Up><Enter>"))
        #expect(editor.cursor == 5)
    }

    @Test func unknownCommandsShowAnErrorAndChangeNothing() throws {
        let (editor, file) = try makeEditor([1, 2, 3, 4])
        editor.handle(keys(":frobnicate<Enter>"))
        #expect(editor.messageIsError)
        #expect(editor.messageText?.isEmpty == false)
        editor.handle(keys(":patch 0 zz<Enter>"))
        #expect(editor.messageIsError)
        #expect(editor.messageText?.contains("column") == true)
        editor.handle(keys(":patch 3 01 02<Enter>"))
        #expect(editor.messageIsError, "a patch past the end is refused")
        editor.handle(keys(":goto<Enter>"))
        #expect(editor.messageIsError)
        #expect(file.bytes == [1, 2, 3, 4])
        #expect(editor.document.unsyncedEdits == 0)
    }

    @Test func errorsShowInTheErrorStyle() throws {
        let (editor, _) = try makeEditor([1, 2, 3, 4])
        editor.handle(keys(":frobnicate<Enter>"))
        let screen = editor.frame(width: 80, height: 6)
        #expect(screen[5, 0].style == .error)
        editor.handle(keys("<Esc>"))
        #expect(editor.messageText == nil)
    }

    @Test func patchFillAndUndoThroughTheCommandLine() throws {
        let (editor, file) = try makeEditor([0, 0, 0, 0, 0, 0])
        editor.handle(keys(":patch 1 \"AB\"<Enter>"))
        #expect(file.bytes == [0, 0x41, 0x42, 0, 0, 0])
        #expect(editor.cursor == 1)
        editor.handle(keys(":fill 4 2 ee<Enter>"))
        #expect(file.bytes == [0, 0x41, 0x42, 0, 0xee, 0xee])
        editor.handle(keys(":undo<Enter>:undo<Enter>"))
        #expect(file.bytes == [0, 0, 0, 0, 0, 0])
        editor.handle(keys(":redo<Enter>"))
        #expect(file.bytes == [0, 0x41, 0x42, 0, 0, 0])
    }

    @Test func resizeIsFollowedAtOnce() throws {
        let (editor, file) = try makeEditor(countingBytes(64))
        editor.handle(keys("G:resize 20<Enter>"))
        #expect(file.bytes.count == 20)
        #expect(editor.cursor == 19, "the cursor stays inside the smaller file")
        let screen = editor.frame(width: 80, height: 8)
        #expect(screen.line(1).hasPrefix("00000010  10 11 12 13"))
        #expect(screen.line(2).hasPrefix("~"))
        #expect(screen.line(6).contains("20 B"))
        editor.handle(keys(":resize 0x100<Enter>"))
        #expect(file.bytes.count == 256)
        #expect(editor.frame(width: 80, height: 8).line(6).contains("256 B"))
    }

    @Test func quitIsRefusedWhileEditsAreUnsynced() throws {
        let (editor, file) = try makeEditor([0, 0])
        editor.handle(keys("rab"))
        #expect(editor.handle(keys(":q<Enter>")) == .none)
        #expect(editor.messageIsError)
        #expect(editor.messageText?.contains("unsynced") == true)
        #expect(file.bytes == [0xab, 0])
    }

    @Test func writeQuitSyncsAndQuits() throws {
        let (editor, file) = try makeEditor([0, 0])
        editor.handle(keys("rab"))
        #expect(editor.handle(keys(":wq<Enter>")) == .quit)
        #expect(editor.document.unsyncedEdits == 0)
        #expect(file.bytes == [0xab, 0])
    }

    @Test func forceQuitRollsBackUnsyncedEditsButKeepsSyncedOnes() throws {
        let (editor, file) = try makeEditor([0, 0])
        editor.handle(keys("rab:w<Enter>"))
        #expect(editor.document.unsyncedEdits == 0)
        editor.handle(keys("lrcd"))
        #expect(file.bytes == [0xab, 0xcd])
        #expect(editor.handle(keys(":q!<Enter>")) == .quit)
        #expect(file.bytes == [0xab, 0])
    }

    @Test func quitWithNothingUnsynced() throws {
        let (editor, _) = try makeEditor([0, 0])
        #expect(editor.handle(keys(":q<Enter>")) == .quit)
    }

    @Test func setColumnsChangesTheLayout() throws {
        let (editor, _) = try makeEditor(countingBytes(64))
        editor.handle(keys(":set columns=8<Enter>"))
        #expect(editor.layout?.bytesPerRow == 8)
        #expect(editor.frame(width: 80, height: 8).line(1).hasPrefix("00000008  08 09"))
        editor.handle(keys(":set columns=200<Enter>"))
        #expect(editor.messageIsError, "200 bytes a row cannot fit 80 columns")
        #expect(editor.layout?.bytesPerRow == 16)
    }

    @Test func adviseAndSyncReportSuccess() throws {
        let (editor, _) = try makeEditor(countingBytes(8192))
        editor.handle(keys(":advise willneed<Enter>"))
        #expect(!editor.messageIsError)
        #expect(editor.messageText?.isEmpty == false)
        editor.handle(keys(":sync<Enter>"))
        #expect(!editor.messageIsError)
        #expect(editor.messageText?.isEmpty == false)
    }

    @Test func helpAndMultiLineOutputOpenThePager() throws {
        let (editor, _) = try makeEditor(countingBytes(64))
        editor.handle(keys(":help<Enter>"))
        #expect(editor.mode == .pager)
        editor.handle(keys("q"))
        #expect(editor.mode == .normal)
        editor.handle(keys(":info<Enter>"))
        #expect(editor.mode == .pager)
        let screen = editor.frame(width: 80, height: 12)
        #expect(screen.text.contains("sample.bin"))
        editor.handle(keys("<Esc>"))
        #expect(editor.mode == .normal)
    }
}

extension String {
    func trimmingSuffix() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}

@Suite("Interactive command output")
struct CommandOutputTests {
    @Test func findWithOneMatchAnswersOnTheMessageLine() throws {
        let (editor, _) = try makeEditor(Array("..abc..".utf8))
        editor.handle(keys(":find \"abc\"<Enter>"))
        #expect(editor.mode == .normal)
        #expect(editor.cursor == 2)
        #expect(editor.messageText == "0x2")
    }

    @Test func printOpensThePagerWithXxdLines() throws {
        let (editor, _) = try makeEditor(countingBytes(64))
        editor.handle(keys(":print 0 48<Enter>"))
        #expect(editor.mode == .pager)
        let screen = editor.frame(width: 80, height: 10)
        #expect(screen.line(1).hasPrefix("00000000: 0001 0203"))
        #expect(screen.line(3).hasPrefix("00000020: 2021 2223"))
    }
}

@Suite("Interactive command errors")
struct InteractiveCommandErrorTests {
    /// Each line is wrong in its own way; typed at the `:` prompt, each must show
    /// a red message, leave normal mode in place, and change no byte, size or cursor.
    @Test(arguments: [
        "frobnicate", "goto", "goto zz", "goto 0x", "patch", "patch 0", "patch 0 zz", "patch 0 \"unterminated",
        "patch 99 00", "fill 0 2", "fill 0 2 100", "fill 7 9 00", "insert", "delete 0", "delete 0 99",
        "print 0 zz", "find", "find \"\"", "sync now", "advise sometimes", "advise willneed 0 99",
        "resize", "resize -1", "resize 12q", "follow maybe", "set rows=3", "set columns=zero", "q extra",
        "undo twice", "123abc", "$-", "+",
    ])
    func badCommandsShowAnErrorAndChangeNothing(line: String) throws {
        let bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
        let (editor, file) = try makeEditor(bytes)
        editor.handle(keys("lll"))
        let action = editor.handle(keys(":" + line + "<Enter>"))
        #expect(action == .none)
        #expect(editor.mode == .normal)
        #expect(editor.messageIsError, "no error for :\(line) (message: \(editor.messageText ?? "none"))")
        #expect(editor.messageText?.isEmpty == false)
        #expect(editor.cursor == 3)
        #expect(file.bytes == bytes)
        #expect(editor.document.unsyncedEdits == 0)
        let screen = editor.frame(width: 80, height: 6)
        #expect(screen[5, 0].style == .error)
    }
}

@Suite("Forced quit")
struct ForcedQuitTests {
    @Test func aSecondForcedQuitLeavesWhenTheRollbackIsImpossible() throws {
        let (editor, file) = try makeEditor(countingBytes(65536))
        editor.handle(keys("Grff"))
        // Another process truncates the file under the edit.
        try FileHandle(forWritingTo: URL(fileURLWithPath: file.path)).truncate(atOffset: 8)
        #expect(editor.tick(), "the editor notices the shrink")
        #expect(editor.handle(keys(":q!<Enter>")) == .none)
        #expect(editor.messageIsError)
        #expect(editor.messageText?.contains(":q! again") == true)
        #expect(editor.handle(keys(":q!<Enter>")) == .quit)
    }

    @Test func anotherCommandInBetweenAsksAgain() throws {
        let (editor, file) = try makeEditor(countingBytes(65536))
        editor.handle(keys("Grff"))
        try FileHandle(forWritingTo: URL(fileURLWithPath: file.path)).truncate(atOffset: 8)
        editor.tick()
        editor.handle(keys(":q!<Enter>:goto 0<Enter>"))
        #expect(editor.handle(keys(":q!<Enter>")) == .none)
    }
}
