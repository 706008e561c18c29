import Foundation
import IOMMap
import Testing

@testable import HexEditor

/// A little-endian ELF64 header (x86-64, a PIE), then bytes 64, 65, 66 …
func sampleELF(size: Int = 512) -> [UInt8] {
    var header: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + [UInt8](repeating: 0, count: 8)
    header += le16(3) + le16(62) + le32(1) + le32(0x1040) + le32(0) + le32(64) + le32(0)
    header += le32(0x3000) + le32(0) + le32(0) + le16(64) + le16(56) + le16(11) + le16(64) + le16(30) + le16(29)
    return header + (64..<size).map { UInt8(truncatingIfNeeded: $0) }
}

/// The inspector and struct panels: where they go, what they show, what they read.
@Suite struct PanelTests {
    @Test func inspectorAt80x24() throws {
        let (editor, _) = try makeEditor(sampleELF(), width: 80, height: 24, name: "elf.bin")
        editor.handle(keys("Ijllll"))
        expectSnapshot(editor.frame(width: 80, height: 24), named: "inspector-80x24")
    }

    @Test func bothPanelsAt80x24() throws {
        let (editor, _) = try makeEditor(sampleELF(), width: 80, height: 24, name: "elf.bin")
        editor.handle(keys("I:struct elf64 at 0<Enter>jl"))
        #expect(editor.mode == .normal, "the struct shows in its panel, not in a pager")
        expectSnapshot(editor.frame(width: 80, height: 24), named: "panels-80x24")
    }

    @Test func bothPanelsAt160x50() throws {
        let (editor, _) = try makeEditor(sampleELF(), width: 160, height: 50, name: "elf.bin")
        editor.handle(keys(":set inspector on<Enter>:struct elf64<Enter>G"))
        expectSnapshot(editor.frame(width: 160, height: 50), named: "panels-160x50")
    }

    @Test func besideWhenWideAndTallBelowOtherwise() throws {
        let (editor, _) = try makeEditor(sampleELF(), width: 80, height: 24)
        editor.handle(keys("I"))
        // 80x24: below, the panes keep their 16 bytes a row and the full width.
        var arrangement = editor.panelArrangement
        #expect(arrangement.layout?.bytesPerRow == 16)
        #expect(arrangement.inspector == .init(row: 9, column: 0, width: 80, height: 13))
        #expect(arrangement.inspectorColumns == 2)
        // 160x50: beside, from the column after the text pane.
        _ = editor.frame(width: 160, height: 50)
        arrangement = editor.panelArrangement
        #expect(arrangement.layout?.dataRows == 48)
        #expect(arrangement.inspector == .init(row: 0, column: 79, width: 81, height: 25))
        // Wide but short: below, in four columns.
        _ = editor.frame(width: 160, height: 20)
        #expect(editor.panelArrangement.inspectorColumns == 4)
        #expect(editor.panelArrangement.inspector?.height == 7)
        // Too small for a panel: the panes alone, and nothing breaks.
        for (width, height) in [(80, 6), (40, 10), (20, 4), (200, 3)] {
            let screen = editor.frame(width: width, height: height)
            #expect(screen.width == width)
        }
    }

    @Test func theInspectorFollowsTheCursorAndTheStructStaysAtItsOffset() throws {
        let (editor, _) = try makeEditor(sampleELF(), width: 160, height: 50)
        editor.handle(keys("I:struct u16le kind, u16le machine at 0x10<Enter>"))
        var screen = editor.frame(width: 160, height: 50)
        #expect(screen.text.contains("inspector  0x00000000 (0)"))
        #expect(screen.text.contains("binary   01111111"))
        #expect(screen.text.contains("struct at 0x00000010"))
        #expect(screen.text.contains("0x10 kind    u16le 3"))
        editor.handle(keys("jjll"))
        screen = editor.frame(width: 160, height: 50)
        #expect(screen.text.contains("inspector  0x00000022 (34)"))
        #expect(screen.text.contains("u8       0"))
        #expect(screen.text.contains("struct at 0x00000010"), "the struct panel is pinned")
        editor.handle(keys(":struct off<Enter>I"))
        screen = editor.frame(width: 160, height: 50)
        #expect(!screen.text.contains("struct at"))
        #expect(!screen.text.contains("inspector  0x"))
        #expect(screen.line(0).count == 160)
    }

    @Test func pokeUnderTheInspectorShowsTheNewValue() throws {
        let (editor, file) = try makeEditor(sampleELF(), width: 160, height: 50)
        editor.handle(keys("I:poke f32le -1.5<Enter>"))
        let screen = editor.frame(width: 160, height: 50)
        #expect(screen.text.contains("f32le    -1.5"))
        #expect(file.bytes.prefix(4) == [0x00, 0x00, 0xC0, 0xBF])
        editor.handle(keys("u"))
        #expect(file.bytes.prefix(4) == [0x7F, 0x45, 0x4C, 0x46])
    }

    @Test func theCursorStaysInViewAboveThePanels() throws {
        let (editor, _) = try makeEditor(sampleELF(size: 4096), width: 80, height: 24)
        editor.handle(keys("I"))
        for _ in 0..<40 { editor.handle(keys("j")) }
        let layout = try #require(editor.layout)
        #expect(layout.dataRows == 9)
        let screen = editor.frame(width: 80, height: 24)
        let row = (editor.cursor - editor.top) / layout.bytesPerRow
        #expect((0..<layout.dataRows).contains(row))
        #expect(screen[row, layout.hexColumn(ofByte: editor.cursor % 16)].style == .cursor)
    }

    @Test func aFrameWithBothPanelsReadsOnceOrTwiceNeverPerField() throws {
        let (editor, _) = try makeEditor(sampleELF(size: 1 << 20), width: 160, height: 50)
        let counter = ReadCounter(editor.document.store)
        editor.document.store = counter
        editor.handle(keys("I:struct elf64 at 0<Enter>"))
        counter.reads = 0
        _ = editor.frame(width: 160, height: 50)
        #expect(counter.reads == 1, "the struct and the cursor are on screen: the frame's read serves both")
        // The struct far away (and 14 fields): one more read, not fourteen.
        editor.handle(keys(":goto 512k<Enter>"))
        counter.reads = 0
        _ = editor.frame(width: 160, height: 50)
        #expect(counter.reads == 2)
        // The cursor on the last row (the inspector needs bytes below the screen) and a
        // struct near it, off screen: still one more read for both.
        editor.handle(keys(":struct gif at 0x80100<Enter>:goto 0x802f8<Enter>"))
        _ = editor.frame(width: 160, height: 50)
        #expect(editor.cursor - editor.top >= 47 * 16, "the cursor is on the last row")
        counter.reads = 0
        _ = editor.frame(width: 160, height: 50)
        #expect(counter.reads == 2)
    }
}

/// A store that counts the reads that reach it.
final class ReadCounter: ByteStore {
    let inner: any ByteStore
    var reads = 0

    init(_ inner: any ByteStore) { self.inner = inner }

    func size() throws(EditorError) -> Int { try inner.size() }
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(EditorError) {
        reads += 1
        try inner.read(into: buffer, at: offset)
    }
    func write(from buffer: UnsafeRawBufferPointer, at offset: Int) throws(EditorError) {
        try inner.write(from: buffer, at: offset)
    }
    func fill(_ byte: UInt8, at offset: Int, count: Int) throws(EditorError) {
        try inner.fill(byte, at: offset, count: count)
    }
    func zero(at offset: Int, count: Int) throws(EditorError) { try inner.zero(at: offset, count: count) }
    func nextData(in range: Range<Int>) throws(EditorError) -> Range<Int>? { try inner.nextData(in: range) }
    func openGap(at offset: Int, count: Int, stop: StopRequest?) throws(EditorError) {
        try inner.openGap(at: offset, count: count, stop: stop)
    }
    func closeGap(at offset: Int, count: Int, stop: StopRequest?) throws(EditorError) {
        try inner.closeGap(at: offset, count: count, stop: stop)
    }
    func resize(to size: Int) throws(EditorError) { try inner.resize(to: size) }
    func refresh() throws(EditorError) -> SizeChange { try inner.refresh() }
    func sync(async: Bool) throws(EditorError) { try inner.sync(async: async) }
    func advise(_ advice: Advice, offset: Int, count: Int) throws(EditorError) {
        try inner.advise(advice, offset: offset, count: count)
    }
    var canReleasePages: Bool { inner.canReleasePages }
    func fileID() throws(EditorError) -> MappedFile.FileID { try inner.fileID() }
    func tryLock() throws(EditorError) -> Bool { try inner.tryLock() }
    func close() { inner.close() }
}
