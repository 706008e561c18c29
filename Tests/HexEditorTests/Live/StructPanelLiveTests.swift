import Foundation
import Testing

@testable import HexEditor

/// The panels in the live view: another process's writes show without a key, and the struct
/// fields they change are highlighted for as long as changed bytes are.
@Suite struct StructPanelLiveTests {
    @Test func aWriteUnderTheStructPanelIsHighlightedAndFades() throws {
        let (editor, file, clock) = try makeLiveEditor(sampleELF(size: 1 << 16), width: 160, height: 50)
        editor.handle(keys("I:struct elf64 at 0<Enter>:goto 0x8000<Enter>"))
        _ = editor.frame(width: 160, height: 50)
        #expect(!editor.tick(), "nothing changed")
        // e_shnum (0x3c) and e_shstrndx (0x3e) change; the struct is off screen.
        OtherProcess.write([0x2A, 0x00, 0x29, 0x00], at: 0x3C, to: file.path)
        clock.advance(milliseconds: 50)
        #expect(editor.tick(), "the change under the panel is seen without a key")
        var screen = editor.frame(width: 160, height: 50)
        let shnum = try #require((0..<50).first { screen.line($0).contains("e_shnum") })
        #expect(screen.line(shnum).contains("e_shnum     u16le  42"))
        let valueColumn = try #require(screen.line(shnum).range(of: "42")).lowerBound.utf16Offset(
            in: screen.line(shnum))
        #expect(screen[shnum, valueColumn].style == .changed)
        #expect(screen[shnum + 1, valueColumn].style == .changed, "e_shstrndx too")
        #expect(screen[shnum - 1, valueColumn].style != .changed, "e_shentsize did not change")
        clock.advance(milliseconds: 500)
        #expect(!editor.tick())
        clock.advance(milliseconds: 600)
        #expect(editor.tick(), "the highlight faded")
        screen = editor.frame(width: 160, height: 50)
        #expect(screen[shnum, valueColumn].style == .plain)
    }

    @Test func theInspectorFollowsAnotherProcessesWrites() throws {
        let (editor, file, clock) = try makeLiveEditor(sampleELF(), width: 160, height: 50)
        editor.handle(keys("I"))
        _ = editor.frame(width: 160, height: 50)
        OtherProcess.write([0xE9, 0x03, 0x00, 0x00], at: 0, to: file.path)
        clock.advance(milliseconds: 50)
        #expect(editor.tick())
        #expect(editor.frame(width: 160, height: 50).text.contains("u32le    1001"))
    }

    @Test func theUsersOwnPokeIsNotHighlighted() throws {
        let (editor, _, _) = try makeLiveEditor(sampleELF(), width: 160, height: 50)
        editor.handle(keys(":struct elf64 at 0<Enter>"))
        _ = editor.frame(width: 160, height: 50)
        editor.handle(keys(":poke u16le 7 at 0x3c<Enter>"))
        let screen = editor.frame(width: 160, height: 50)
        let shnum = try #require((0..<50).first { screen.line($0).contains("e_shnum") })
        #expect(
            screen.line(shnum).hasSuffix("e_shnum     u16le  7") || screen.line(shnum).contains("e_shnum     u16le  7 ")
        )
        #expect(!(0..<160).contains { screen[shnum, $0].style == .changed })
    }
}
