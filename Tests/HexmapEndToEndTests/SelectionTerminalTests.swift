import Foundation
import Testing

/// Selection, registers, marks, the mouse, the clipboard and the byte colours in the real
/// editor under tmux: keys (and mouse reports) in, the screen and the bytes on disk out.
@Suite(
    "Selection, registers and marks under tmux",
    .enabled(if: TmuxSession.isTmuxInstalled, "tmux is not installed: the interactive end-to-end tests need it"),
    .timeLimit(.minutes(2)))
struct SelectionTerminalTests {
    func hexBytes(_ path: String) throws -> [String] {
        try run("/usr/bin/od", ["-An", "-tx1", "-v", path]).split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// The status line (the one that shows the access mode).
    func statusLine(_ screen: String) -> String {
        let lines = screen.split(separator: "\n")
        return lines.last { $0.contains("  rw") }.map(String.init) ?? ""
    }

    /// An X10 mouse report (what tmux passes on for TERM=tmux/screen, whose kmous is \E[M):
    /// button code, then column and row, each plus 32 and 1-based.
    func mouseReport(button: Int, column: Int, row: Int) -> String {
        "\u{1b}[M" + String(UnicodeScalar(UInt8(32 + button))) + String(UnicodeScalar(UInt8(33 + column)))
            + String(UnicodeScalar(UInt8(33 + row)))
    }

    func quit(_ tmux: TmuxSession) throws {
        try tmux.type(":q!")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("hexmap-exit=").contains("hexmap-exit=0"))
    }

    @Test func vSelectsYYanksPPastesAndUUndoesThePaste() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("copy.bin", bytes: (0..<64).map(UInt8.init))
        let tmux = try TmuxSession(arguments: [path])
        try tmux.waitFor("copy.bin  64 B")
        try tmux.type("lvlll")
        var screen = try tmux.waitFor("sel 0x1-0x4 (4 bytes)")
        #expect(screen.contains("-- VISUAL --"))
        try tmux.type("y")
        screen = try tmux.waitFor("yanked 4 bytes at 0x1")
        #expect(!statusLine(screen).contains("sel "), "y ends the selection")
        try tmux.type(":0x20")
        try tmux.press("Enter")
        try tmux.type("p")
        screen = try tmux.waitFor("pasted 4 bytes at 0x20")
        #expect(screen.contains("00000020  01 02 03 04 24 25"))
        #expect(try hexBytes(path)[0x20..<0x25] == ["01", "02", "03", "04", "24"], "in the file at once")
        try tmux.type("Gp")
        screen = try tmux.waitFor("run past the end")
        #expect(try hexBytes(path)[0x3c...] == ["3c", "3d", "3e", "3f"], "a paste past the end changes nothing")
        try tmux.type("u")
        try tmux.waitFor("00000020  20 21 22 23 24 25")
        #expect(try hexBytes(path)[0x20..<0x24] == ["20", "21", "22", "23"])
        try quit(tmux)
    }

    @Test func marksSetJumpAndServeAsOffsets() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("marks.bin", bytes: (0..<200).map(UInt8.init))
        let tmux = try TmuxSession(arguments: [path])
        try tmux.waitFor("marks.bin")
        try tmux.type(":0x90")
        try tmux.press("Enter")
        try tmux.type("mk")
        try tmux.waitFor("mark 'k at 0x90")
        try tmux.type("g")
        try tmux.waitFor("0x00000000 (0)")
        try tmux.type("'k")
        try tmux.waitFor("0x00000090 (144)")
        try tmux.type("g:print 'k 4 as hex")
        try tmux.press("Enter")
        try tmux.waitFor("90919293")
        try tmux.type("'q")
        try tmux.waitFor("mark 'q is not set")
        try quit(tmux)
    }

    @Test func aSelectionWideFillAndItsUndo() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("fill.bin", bytes: (0..<64).map(UInt8.init))
        let tmux = try TmuxSession(arguments: [path])
        try tmux.waitFor("fill.bin")
        try tmux.type("llvjl")
        try tmux.waitFor("sel 0x2-0x13 (18 bytes)")
        try tmux.type(":fill ee")
        try tmux.press("Enter")
        var screen = try tmux.waitFor("filled 18 bytes at 0x2")
        #expect(screen.contains("00000000  00 01 ee ee ee ee ee ee  ee ee ee ee ee ee ee ee"))
        #expect(screen.contains("00000010  ee ee ee ee 14 15"))
        #expect(statusLine(screen).contains("1 unsynced"), "one undo step")
        #expect(!statusLine(screen).contains("sel "), "the fill took the selection")
        #expect(try hexBytes(path)[2..<20].allSatisfy { $0 == "ee" })
        try tmux.type("u")
        screen = try tmux.waitFor("00000000  00 01 02 03")
        #expect(screen.contains("00000010  10 11 12 13 14"))
        #expect(try hexBytes(path) == (0..<64).map { String(format: "%02x", $0) })
        try quit(tmux)
    }

    @Test func theMouseClicksDragsAndScrolls() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("mouse.bin", bytes: (0..<4096).map { UInt8(truncatingIfNeeded: $0) })
        let tmux = try TmuxSession(arguments: [path], width: 80, height: 20)
        try tmux.waitFor("mouse.bin")
        // Press on byte 3 of row 1 (hex pane), drag to byte 5 of row 3, release: 0x13-0x35.
        try tmux.type(mouseReport(button: 0, column: 19, row: 1))
        try tmux.waitFor("0x00000013 (19)")
        try tmux.type(mouseReport(button: 32, column: 25, row: 3))
        try tmux.type(mouseReport(button: 3, column: 25, row: 3))
        try tmux.waitFor("sel 0x13-0x35 (35 bytes)")
        // A click in the text pane moves there and ends the selection.
        try tmux.type(mouseReport(button: 0, column: 63, row: 2) + mouseReport(button: 3, column: 63, row: 2))
        var screen = try tmux.waitFor("0x00000022 (34)")
        #expect(!statusLine(screen).contains("sel "))
        #expect(statusLine(screen).hasSuffix("text"))
        // The wheel (button 5 is 65): three rows down.
        try tmux.type(mouseReport(button: 65, column: 20, row: 5))
        screen = try tmux.waitFor("0x00000052 (82)")
        #expect(screen.hasPrefix("00000030"))
        try tmux.type(":set mouse off")
        try tmux.press("Enter")
        try tmux.waitFor("mouse off")
        try quit(tmux)
    }

    @Test func yankWithClipboardOnReachesTmuxsBuffer() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("clip.bin", bytes: Array("Hello, clipboard".utf8))
        let tmux = try TmuxSession(arguments: [path])
        try tmux.command("set-option", "-s", "set-clipboard", "on")
        try tmux.waitFor("clip.bin")
        try tmux.type("vlly")
        try tmux.waitFor("yanked 3 bytes at 0x0")
        #expect(try tmux.command("list-buffers").isEmpty, "off by default: nothing on the clipboard")
        try tmux.type(":set clipboard on")
        try tmux.press("Enter")
        try tmux.type("lllllllvllly")
        try tmux.waitFor("(on the clipboard as hex)")
        let deadline = Date().addingTimeInterval(5)
        var buffer = ""
        while Date() < deadline {
            buffer = (try? tmux.command("show-buffer")) ?? ""
            if !buffer.isEmpty { break }
            usleep(30_000)
        }
        #expect(buffer == "636c6970", "the hex of 'clip'")
        try quit(tmux)
    }

    @Test func theREPLOnATerminalSendsTheClipboardToo() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("repl.bin", bytes: Array("ABCDEFGH".utf8))
        let tmux = try TmuxSession(arguments: [path, "--repl"])
        try tmux.command("set-option", "-s", "set-clipboard", "on")
        try tmux.waitFor("hexmap>")
        try tmux.type("set clipboard on")
        try tmux.press("Enter")
        try tmux.type("yank 'q 2")
        try tmux.press("Enter")
        try tmux.waitFor("mark 'q is not set")
        try tmux.type("mark q 5")
        try tmux.press("Enter")
        try tmux.type("yank 'q 2")
        try tmux.press("Enter")
        let deadline = Date().addingTimeInterval(5)
        var buffer = ""
        while Date() < deadline {
            buffer = (try? tmux.command("show-buffer")) ?? ""
            if !buffer.isEmpty { break }
            usleep(30_000)
        }
        #expect(buffer == "4647", "the hex of 'FG'")
        try tmux.type("q")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("hexmap-exit=").contains("hexmap-exit=0"))
    }

    @Test func theSelectionShowsInColourAndWithoutIt() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("colour.bin", bytes: Array("Hi there\u{0}\u{1}\u{ff}\n".utf8))
        let colour = try TmuxSession(arguments: [path])
        try colour.waitFor("colour.bin")
        try colour.type("vll")
        try colour.waitFor("sel 0x0-0x2")
        let colored = try colour.capture(escapes: true)
        #expect(colored.contains("\u{1b}[44m") || colored.contains(";44m"), "the selection is on blue")
        #expect(colored.contains("\u{1b}[35m") || colored.contains(";35m"), "control bytes are magenta")
        #expect(colored.contains("\u{1b}[1m"), "printable bytes are bold")
        try quit(colour)

        let plain = try TmuxSession(arguments: [path], environment: ["NO_COLOR": "1"])
        try plain.waitFor("colour.bin")
        try plain.type("vll")
        try plain.waitFor("sel 0x0-0x2")
        let screen = try plain.capture(escapes: true)
        for code in Array(30...37) + Array(40...47) {
            #expect(
                !screen.contains("\u{1b}[\(code)m") && !screen.contains(";\(code)m"), "colour \(code) despite NO_COLOR")
        }
        #expect(screen.contains("\u{1b}[7m") || screen.contains(";7m"), "the selection is in reverse video")
        try quit(plain)
    }
}
