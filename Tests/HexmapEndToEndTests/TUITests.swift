import Foundation
import Testing

/// The interactive editor driven through tmux, as a person would: keys in, screen out,
/// bytes checked on disk with od.
@Suite(
    "Interactive editor under tmux",
    .enabled(if: TmuxSession.isTmuxInstalled, "tmux is not installed: the interactive end-to-end tests need it"))
struct TUITests {
    /// `od -An -tx1 -v` of a file, as one string of space-separated hex pairs.
    func hexBytes(_ path: String) throws -> String {
        try run("/usr/bin/od", ["-An", "-tx1", "-v", path]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    func fileSize(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? -1
    }

    @Test func openMoveTypeHexDigitsAndWriteQuit() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("edit.bin", bytes: [UInt8](repeating: 0, count: 32))
        let tmux = try TmuxSession(arguments: [path])
        var screen = try tmux.waitFor("edit.bin  32 B")
        #expect(screen.contains("00000000  00 00 00 00"))

        try tmux.type("jll")
        try tmux.waitFor("0x00000012 (18)")
        try tmux.type("Rdeadbeef")
        try tmux.press("Escape")
        screen = try tmux.waitFor("4 unsynced")
        #expect(screen.contains("00000010  00 00 de ad be ef 00"))

        try tmux.type(":wq")
        try tmux.press("Enter")
        screen = try tmux.waitFor("hexmap-exit=")
        #expect(screen.contains("hexmap-exit=0"))
        var expected = [String](repeating: "00", count: 32)
        expected.replaceSubrange(18..<22, with: ["de", "ad", "be", "ef"])
        #expect(try hexBytes(path) == expected.joined(separator: " "))
    }

    @Test func textPaneTypingGotoShorthandUndoAndRedo() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("text.bin", bytes: Array("................".utf8))
        let tmux = try TmuxSession(arguments: [path])
        try tmux.waitFor("text.bin  16 B")
        try tmux.type(":4")
        try tmux.press("Enter")
        try tmux.waitFor("0x00000004 (4)")
        try tmux.press("Tab")
        try tmux.type("RHi!")
        try tmux.press("Escape")
        try tmux.waitFor("|....Hi!.........|")
        try tmux.type("u")
        // Rows are painted before the status line: waiting for both never reads a frame half drawn.
        var screen = try tmux.waitFor { $0.contains("|....Hi..........|") && $0.contains("2 unsynced") }
        #expect(screen.contains("|....Hi..........|") && screen.contains("2 unsynced"), "\(screen)")
        try tmux.press("C-r")
        screen = try tmux.waitFor("|....Hi!.........|")
        try tmux.type(":wq")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("hexmap-exit=").contains("hexmap-exit=0"))
        #expect(try hexBytes(path) == "2e 2e 2e 2e 48 69 21 2e 2e 2e 2e 2e 2e 2e 2e 2e")
    }

    @Test func resizeCommandChangesTheFileSizeAndTheView() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("grow.bin", bytes: Array("abcdefgh".utf8))
        let tmux = try TmuxSession(arguments: [path])
        try tmux.waitFor("grow.bin  8 B")
        try tmux.type(":resize 8k")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("grow.bin  8.0 KiB")
        #expect(screen.contains("size 8192"))
        #expect(screen.contains("00000010  00 00 00 00"))
        #expect(try fileSize(path) == 8192)

        try tmux.type(":resize 3")
        try tmux.press("Enter")
        try tmux.waitFor("grow.bin  3 B")
        #expect(try fileSize(path) == 3)
        try tmux.type(":wq")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("hexmap-exit=").contains("hexmap-exit=0"))
        #expect(try hexBytes(path) == "61 62 63")
    }

    @Test func adviseAndSyncReportSuccess() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("advise.bin", bytes: [UInt8](repeating: 7, count: 20000))
        let tmux = try TmuxSession(arguments: [path])
        try tmux.waitFor("advise.bin")
        try tmux.type(":advise willneed")
        try tmux.press("Enter")
        try #require(try tmux.waitFor("advised willneed for 20000 bytes at 0x0").contains("advised willneed"))
        try tmux.type("rab:sync")
        try tmux.press("Enter")
        // The message line says exactly "synced" ("1 unsynced" on the status line must go).
        let screen = try tmux.waitFor { $0.split(separator: "\n").contains("synced") }
        #expect(screen.split(separator: "\n").contains("synced"))
        #expect(!screen.contains("unsynced"))
        try tmux.type(":q")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("hexmap-exit=").contains("hexmap-exit=0"))
        #expect(try hexBytes(path).hasPrefix("ab 07 07"))
    }

    @Test func quitRefusesUnsyncedEditsAndForceQuitDiscardsThem() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("discard.bin", bytes: [1, 2, 3, 4])
        let tmux = try TmuxSession(arguments: [path])
        try tmux.waitFor("discard.bin")
        try tmux.type("rff:q")
        try tmux.press("Enter")
        let refused = try tmux.waitFor("unsynced edits: use :wq")
        #expect(!refused.contains("hexmap-exit"))
        #expect(try hexBytes(path) == "ff 02 03 04", "the edit is in the shared mapping at once")
        try tmux.type(":q!")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("hexmap-exit=").contains("hexmap-exit=0"))
        #expect(try hexBytes(path) == "01 02 03 04")
    }

    @Test func terminalResizeRedrawsWithANewLayout() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("resize.bin", bytes: (0..<200).map { UInt8($0) })
        let tmux = try TmuxSession(arguments: [path], width: 100, height: 20)
        try tmux.waitFor("00000010  10 11 12 13 14 15 16 17  18 19 1a 1b 1c 1d 1e 1f")
        try tmux.resize(width: 50, height: 12)
        var screen = try tmux.waitFor("00000008  08 09 0a 0b 0c 0d 0e 0f  |........|")
        #expect(screen.contains("00000008  08 09 0a 0b 0c 0d 0e 0f  |........|"))
        try tmux.resize(width: 20, height: 6)
        screen = try tmux.waitFor("terminal too small")
        #expect(screen.contains("terminal too small"))
        try tmux.resize(width: 100, height: 20)
        screen = try tmux.waitFor("00000010  10 11 12 13 14 15 16 17  18 19 1a 1b 1c 1d 1e 1f")
        #expect(!screen.contains("terminal too small"))
        try tmux.type(":q")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("hexmap-exit=").contains("hexmap-exit=0"))
    }

    @Test func helpSearchAndErrorsOnScreen() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("search.bin", bytes: Array("....needle....".utf8))
        let tmux = try TmuxSession(arguments: [path])
        try tmux.waitFor("search.bin")
        try tmux.press("F1")
        #expect(try tmux.waitFor("hexmap - keys and commands").contains("MOVING (normal mode)"))
        try tmux.type("q/\"needle\"")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("found at 0x4").contains("0x00000004 (4)"))
        try tmux.type(":bogus")
        try tmux.press("Enter")
        try tmux.waitFor("unknown command")
        let colored = try tmux.capture(escapes: true)
        #expect(colored.contains("\u{1b}[41m"), "errors show on red")
        try tmux.type(":q")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("hexmap-exit=").contains("hexmap-exit=0"))
    }

    @Test func noColorMeansNoColour() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("plain.bin", bytes: Array("Hi\u{0}\u{1}\u{ff}".utf8))
        let tmux = try TmuxSession(arguments: [path], environment: ["NO_COLOR": "1"])
        try tmux.waitFor("plain.bin")
        let screen = try tmux.capture(escapes: true)
        // 39 and 49 are "default colour", which tmux writes as a reset.
        for colour in Array(30...38) + Array(40...48) {
            #expect(!screen.contains("\u{1b}[\(colour)m"), "colour \(colour) used despite NO_COLOR")
        }
        // tmux may join attributes: the cursor is reverse, bold and underlined (ESC[1;4;7m).
        #expect(
            screen.contains("\u{1b}[7m") || screen.contains(";7m"),
            "the cursor and status line still stand out (reverse)")
        try tmux.type(":q")
        try tmux.press("Enter")
        try tmux.waitFor("hexmap-exit=")
    }

    /// The painter joins a plain blank between two cells of one style into their run, when the
    /// blank looks the same either way: a group of zeros goes out as one dim run (as tmux shows
    /// it), the two blanks between groups stay plain, and the text is what it always was.
    /// Keys outside ASCII come from the terminal as UTF-8 bytes, and reach the editor as one
    /// character each: a search for the text "€" finds its three bytes. A broken sequence is
    /// dropped without swallowing the key after it.
    @Test func nonASCIIKeysArriveWhole() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("utf8.bin", bytes: Array("hello caf\u{E9} and \u{20AC}!".utf8))
        let tmux = try TmuxSession(arguments: [path])
        try tmux.waitFor("utf8.bin  20 B")
        try tmux.type("/\"\u{20AC}\"")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("0x00000010 (16)").contains("byte 0xe2"))
        try tmux.type("/\"\u{E9}\"")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("0x00000009 (9)").contains("byte 0xc3"))
        // A lead byte with no continuation, then a quoted "!": the quote still counts.
        try tmux.type("/")
        try tmux.command("send-keys", "-t", tmux.target, "-H", "c3")
        try tmux.type("\"!\"")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("0x00000013 (19)").contains("byte 0x21"))
        try tmux.type(":q")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("hexmap-exit=").contains("hexmap-exit=0"))
    }

    @Test func aRowOfZerosIsOneRun() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("zeros.bin", bytes: [UInt8](repeating: 0, count: 256))
        let tmux = try TmuxSession(arguments: [path])
        // The whole row, so that it is painted before it is read with its escapes.
        try tmux.waitFor("00000010  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|")
        let row = try tmux.capture(escapes: true).split(separator: "\n").first { $0.contains("00000010") } ?? ""
        // Both groups of the hex pane and the blanks between them: one dim run.
        let run = "\u{1b}[2m00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00\u{1b}[0m"
        #expect(row.contains(run), "\(row.debugDescription)")
        try tmux.type(":q")
        try tmux.press("Enter")
        try tmux.waitFor("hexmap-exit=")
    }

    @Test func theTerminalIsRestoredAfterQuitAndAfterSIGTERM() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("restore.bin", bytes: [1, 2, 3])
        let quitting = try TmuxSession(arguments: [path])
        try quitting.waitFor("restore.bin")
        #expect(try quitting.paneFormat("#{alternate_on}") == "1")
        try quitting.type(":q")
        try quitting.press("Enter")
        var screen = try quitting.waitFor("hexmap-done")
        #expect(screen.contains("hexmap-exit=0"))
        #expect(screen.contains("\nicanon") && screen.contains("\necho"), "cooked mode and echo are back: \(screen)")
        #expect(try quitting.paneFormat("#{alternate_on}") == "0")

        let killed = try TmuxSession(arguments: [path])
        try killed.waitFor("restore.bin")
        let pid = try #require(try killed.hexmapPID())
        kill(pid, SIGTERM)
        screen = try killed.waitFor("hexmap-done")
        #expect(screen.contains("hexmap-exit=143"))
        #expect(screen.contains("\nicanon") && screen.contains("\necho"), "cooked mode and echo are back: \(screen)")
        #expect(try killed.paneFormat("#{alternate_on}") == "0")
    }

    @Test func withoutATerminalItExitsTwoWithAClearMessage() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("notty.bin", bytes: [1, 2, 3])
        // setsid: no controlling terminal, so not even /dev/tty can be opened.
        let result = try runProcess("/usr/bin/setsid", ["-w", hexmapExecutable().path, path])
        #expect(result.status == 2)
        #expect(result.error.contains("no usable terminal"))
        #expect(try hexBytes(path) == "01 02 03")
    }
}
