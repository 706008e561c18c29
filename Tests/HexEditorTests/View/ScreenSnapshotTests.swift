import Foundation
import Testing

@testable import HexEditor

/// Whole screens compared with the text files in Tests/HexEditorTests/Snapshots/.
@Suite("Screen snapshots")
struct ScreenSnapshotTests {
    /// A header, text, zeros, control and high bytes: every byte class shows.
    static let smallFile: [UInt8] =
        Array("HXMP".utf8) + [0x01, 0x00, 0x02, 0x00] + [0x00, 0x00, 0x00, 0x00, 0xde, 0xad, 0xbe, 0xef]
        + Array("Hello, world!\n\tend".utf8) + [0x7f, 0x80, 0xff, 0x1b]

    @Test func smallFile() throws {
        let (editor, _) = try makeEditor(Self.smallFile)
        editor.handle(keys("lll"))
        expectSnapshot(editor.frame(width: 80, height: 8), named: "small-file")
    }

    @Test func emptyFile() throws {
        let (editor, _) = try makeEditor([], name: "empty.bin")
        expectSnapshot(editor.frame(width: 80, height: 6), named: "empty-file")
    }

    @Test func largeFileScrolledToItsEnd() throws {
        let (editor, _) = try makeEditor(countingBytes(5000), name: "large.bin")
        editor.handle(keys("G<Tab>"))
        expectSnapshot(editor.frame(width: 80, height: 10), named: "large-file-end")
    }

    @Test func helpScreen() throws {
        let (editor, _) = try makeEditor(countingBytes(10))
        editor.handle(keys("<F1>"))
        expectSnapshot(editor.frame(width: 80, height: 24), named: "help-screen")
    }

    @Test func errorMessage() throws {
        let (editor, _) = try makeEditor(Self.smallFile)
        editor.handle(keys(":patch 0 zz<Enter>"))
        expectSnapshot(editor.frame(width: 80, height: 6), named: "error-message")
    }

    @Test func resizedTerminal() throws {
        let (editor, _) = try makeEditor(Self.smallFile)
        editor.handle(keys("jl"))
        _ = editor.frame(width: 80, height: 8)
        expectSnapshot(editor.frame(width: 50, height: 9), named: "resized-terminal")
    }

    @Test func terminalTooSmall() throws {
        let (editor, _) = try makeEditor(Self.smallFile)
        expectSnapshot(editor.frame(width: 20, height: 2), named: "terminal-too-small")
    }

    @Test func overwriteModeWithAPendingNibble() throws {
        let (editor, _) = try makeEditor(Self.smallFile)
        editor.handle(keys("R7"))
        expectSnapshot(editor.frame(width: 80, height: 6), named: "overwrite-pending")
    }
}
