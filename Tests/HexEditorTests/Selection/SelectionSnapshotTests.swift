import Testing

@testable import HexEditor

/// Whole screens with a selection, byte classes and the change highlight, in colour and as
/// NO_COLOR shows them; the style map (after `--- styles ---`) pins every cell's style:
/// `v` selected, `C` the cursor, `!` changed by another process, `0 p w c h` the byte classes.
@Suite("Selection snapshots")
struct SelectionSnapshotTests {
    /// A selection from 0x06 forward over a row boundary, with a byte inside it that
    /// another process just changed, the cursor at its end.
    private func selectionScreen(colors: Bool) throws -> Screen {
        let (editor, file, clock) = try makeLiveEditor(ScreenSnapshotTests.smallFile, width: 80, height: 8)
        editor.showsByteClasses = colors
        editor.handle(keys("llllllvjlll"))
        _ = editor.frame(width: 80, height: 8)
        OtherProcess.write([0x58], at: 0x0d, to: file.path)
        clock.advance(milliseconds: 50)
        _ = editor.tick()
        return editor.frame(width: 80, height: 8)
    }

    @Test func selectionOverByteClassesInColour() throws {
        let screen = try selectionScreen(colors: true)
        expectSnapshot(screen, named: "selection-colors")
        // What the snapshot shows, said outright: both panes, the gaps, the highlights on top.
        let layout = try #require(Layout(width: 80, height: 8, fileSize: ScreenSnapshotTests.smallFile.count))
        #expect(screen.hexStyle(row: 0, byte: 5, layout: layout) == .zeroByte)
        #expect(screen.hexStyle(row: 0, byte: 6, layout: layout) == .selection)
        #expect(screen[0, layout.hexColumn(ofByte: 6) + 2].style == .selection, "the gap after a selected pair")
        #expect(screen.hexStyle(row: 0, byte: 13, layout: layout) == .changed, "a change shows over the selection")
        #expect(screen.hexStyle(row: 1, byte: 9, layout: layout) == .cursor)
        #expect(screen[1, layout.hexColumn(ofByte: 9) + 2].style == .plain, "nothing after the last selected byte")
        #expect(screen[1, layout.textColumn(ofByte: 3)].style == .selection, "the text pane too")
        #expect(screen.hexStyle(row: 1, byte: 10, layout: layout) == .printableByte)
        #expect(screen.line(6).contains("sel 0x6-0x19 (20 bytes)"))
    }

    @Test func selectionWithoutColours() throws {
        let screen = try selectionScreen(colors: false)
        expectSnapshot(screen, named: "selection-no-color")
        let styles = Set(screen.cells.map(\.style))
        for byteClass in [Style.zeroByte, .printableByte, .whitespaceByte, .controlByte, .highByte] {
            #expect(!styles.contains(byteClass), "\(byteClass) with colours off")
        }
        #expect(styles.isSuperset(of: [.selection, .cursor, .cursorShadow, .changed]), "the highlights stay")
    }

    @Test func setColorsTurnsTheClassesOffAndOn() throws {
        let (editor, _) = try makeEditor(ScreenSnapshotTests.smallFile)
        editor.handle(keys(":set colors off<Enter>"))
        #expect(!editor.frame(width: 80, height: 8).cells.contains { $0.style == .printableByte })
        editor.handle(keys(":set colors=on<Enter>"))
        #expect(editor.frame(width: 80, height: 8).cells.contains { $0.style == .printableByte })
    }
}
