import Testing

@testable import HexEditor

@Suite("Renderer")
struct RendererTests {
    func view(bytes: [UInt8], cursor: Int = 0, pane: Pane = .hex, previous: FrameBytes? = nil) throws
        -> Renderer.HexView
    {
        Renderer.HexView(
            layout: try #require(Layout(width: 80, height: 5, fileSize: bytes.count)),
            frame: FrameBytes(offset: 0, bytes: bytes), previousFrame: previous, fileSize: bytes.count,
            cursor: cursor, pane: pane, status: StatusInfo(fileName: "x.bin", fileSize: bytes.count, access: "rw"))
    }

    @Test func rowsLookLikeHexdump() throws {
        let screen = Renderer.render(try view(bytes: Array("Hello, world!\n".utf8) + [0, 0xff]))
        #expect(
            screen.line(0).trimmingSuffix()
                == "00000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0a 00 ff  |Hello, world!...|")
    }

    @Test func controlAndHighBytesNeverReachTheTextPaneRaw() throws {
        let hostile: [UInt8] = [0x1b, 0x5b, 0x32, 0x4a, 0x07, 0x9b, 0xc3, 0xa9]
        let screen = Renderer.render(try view(bytes: hostile))
        #expect(screen.line(0).contains("|.[2J....        |"))
        for cell in screen.cells {
            let ascii = try #require(cell.character.asciiValue)
            #expect((0x20...0x7e).contains(ascii))
        }
    }

    @Test func byteClassesGetTheirStyles() throws {
        let screen = Renderer.render(try view(bytes: [0x00, 0x41, 0x20, 0x01, 0x80], cursor: 4))
        let layout = try #require(Layout(width: 80, height: 5, fileSize: 5))
        let styles = (0..<4).map { screen[0, layout.hexColumn(ofByte: $0)].style }
        #expect(styles == [.zeroByte, .printableByte, .whitespaceByte, .controlByte])
        #expect(screen[0, layout.hexColumn(ofByte: 4)].style == .cursor)
        #expect(screen[0, layout.textColumn(ofByte: 4)].style == .cursorShadow)
    }

    @Test func theCursorIsHighlightedInBothPanes() throws {
        let layout = try #require(Layout(width: 80, height: 5, fileSize: 3))
        let screen = Renderer.render(try view(bytes: [1, 2, 3], cursor: 1, pane: .text))
        #expect(screen[0, layout.textColumn(ofByte: 1)].style == .cursor)
        #expect(screen[0, layout.hexColumn(ofByte: 1)].style == .cursorShadow)
        #expect(screen[0, layout.hexColumn(ofByte: 1) + 1].style == .cursorShadow)
    }

    @Test func bytesChangedSinceThePreviousFrameAreMarked() throws {
        let layout = try #require(Layout(width: 80, height: 5, fileSize: 3))
        let screen = Renderer.render(
            try view(bytes: [1, 9, 3], cursor: 0, previous: FrameBytes(offset: 0, bytes: [1, 2, 3])))
        #expect(screen[0, layout.hexColumn(ofByte: 1)].style == .changed)
        #expect(screen[0, layout.hexColumn(ofByte: 2)].style == .controlByte)
    }

    @Test func statusLineShowsNameSizeOffsetByteAndMode() throws {
        let screen = Renderer.render(try view(bytes: Array("xyzA".utf8), cursor: 3))
        #expect(screen.line(3).trimmingSuffix() == " x.bin  4 B  0x00000003 (3)  byte 0x41 65 'A'  rw  hex")
        #expect(screen[3, 0].style == .statusLine)
    }

    @Test func humanSizes() {
        #expect(Formatting.humanSize(0) == "0 B")
        #expect(Formatting.humanSize(1023) == "1023 B")
        #expect(Formatting.humanSize(4096) == "4.0 KiB")
        #expect(Formatting.humanSize(1536) == "1.5 KiB")
        #expect(Formatting.humanSize(100 << 30) == "100.0 GiB")
    }

    @Test func statusFieldsSkipTheMissingOnes() {
        #expect(Formatting.fields([]) == "")
        #expect(Formatting.fields([nil, nil]) == "")
        #expect(Formatting.fields(["a"]) == "a")
        #expect(Formatting.fields([nil, "a", nil, "b c", "", nil]) == "a  b c  ")
    }
}

@Suite("Screen")
struct ScreenTests {
    @Test func putClipsAndKeepsOnlyPrintableASCII() {
        var screen = Screen(width: 8, height: 2)
        let end = screen.put("ab\u{1b}[é\tcdefgh", row: 0, column: 1, style: .message)
        #expect(screen.line(0) == " ab.[..c")
        #expect(end == 8)
        #expect(screen[0, 1].style == .message)
        screen.put("x", row: 5, column: 0)
        screen.put("yz", row: 1, column: -1)
        #expect(screen.line(1) == "z       ")
    }

    @Test func cellsHoldPrintableASCIIOnly() {
        #expect(Cell(ascii: 0x41).character == "A")
        #expect(Cell(ascii: 0x00).character == ".")
        #expect(Cell(ascii: 0x7F).character == ".")
        #expect(Cell(ascii: 0xE9).character == ".")
        #expect(Cell("é").ascii == UInt8(ascii: "."))
        var cell = Cell("a", style: .cursor)
        cell.character = "\u{1B}"
        #expect(cell.ascii == UInt8(ascii: "."))
        #expect(cell.style == .cursor)
    }

    @Test func aCharacterOfSeveralBytesTakesOneCell() {
        var screen = Screen(width: 6, height: 1)
        #expect(screen.put("a\r\nbé", row: 0, column: 0) == 4)
        #expect(screen.line(0) == "a.b.  ")
    }

    @Test func nonASCIIFileNamesShowAsDots() throws {
        let (editor, _) = try makeEditor([1, 2, 3], name: "café.bin")
        let screen = editor.frame(width: 80, height: 5)
        #expect(screen.line(3).hasPrefix(" caf..bin  3 B"))
    }
}
