import TestSupport
import Testing

@testable import HexEditor

@Suite struct CommandInterpreterTests {
    private func interpreter(_ file: TemporaryFile, readOnly: Bool = false) throws -> (
        CommandInterpreter, CollectingSink
    ) {
        let interpreter = CommandInterpreter(document: try Document(path: file.path, readOnly: readOnly))
        let sink = CollectingSink()
        interpreter.outputSink = sink
        return (interpreter, sink)
    }

    private func run(_ interpreter: CommandInterpreter, _ line: String, cursor: Int = 0, json: Bool = false)
        throws(EditorError) -> CommandEffects
    {
        try interpreter.run(line: line, context: CommandContext(cursor: cursor, json: json))
    }

    @Test func gotoResolvesAbsoluteRelativeAndFromEnd() throws {
        let file = TemporaryFile([UInt8](repeating: 1, count: 100))
        let (interpreter, _) = try interpreter(file)
        #expect(try run(interpreter, "goto 0x20").cursor == 32)
        #expect(try run(interpreter, "goto +8", cursor: 32).cursor == 40)
        #expect(try run(interpreter, "goto -40", cursor: 40).cursor == 0)
        #expect(try run(interpreter, "goto $").cursor == 100)
        #expect(try run(interpreter, "goto $-1").cursor == 99)
        #expect(throws: EditorError("goto: offset 0x65 is past the end of the file (size 100)")) {
            try run(interpreter, "goto 101")
        }
        #expect(throws: EditorError("goto: -1 is before the start of the file")) {
            try run(interpreter, "goto -1")
        }
        #expect(throws: EditorError("goto: $-101 is before the start of the file (size 100)")) {
            try run(interpreter, "goto $-101")
        }
    }

    @Test func printMatchesXXDLayout() throws {
        // The expected lines are what `xxd -s 3 -l 21` prints for these bytes.
        let file = TemporaryFile(Array("Hello".utf8) + [0x00, 0x7F, 0x80] + Array(" ~abcdefghijklmnopqrstuvwxyz".utf8))
        let (interpreter, sink) = try interpreter(file)
        _ = try run(interpreter, "print 3 21")
        #expect(
            sink.lines == [
                "00000003: 6c6f 007f 8020 7e61 6263 6465 6667 6869  lo... ~abcdefghi",
                "00000013: 6a6b 6c6d 6e                             jklmn",
            ])
        _ = try run(interpreter, "print $ 10")
        _ = try run(interpreter, "print 0 0")
        #expect(sink.lines.count == 2)
        #expect(throws: EditorError("print: offset 0x25 is past the end of the file (size 36)")) {
            try run(interpreter, "print 37")
        }
    }

    @Test func printJSONRows() throws {
        let file = TemporaryFile(Array(#"ab"\c"#.utf8) + [0x01])
        let (interpreter, sink) = try interpreter(file)
        _ = try run(interpreter, "print 0", json: true)
        #expect(sink.lines == [#"{"offset":0,"hex":"6162225c6301","ascii":"ab\"\\c."}"#])
    }

    @Test func findReportsFirstOrAllMatches() throws {
        let file = TemporaryFile("xxPNGxxPNGxx")
        let (interpreter, sink) = try interpreter(file)
        let first = try run(interpreter, "find \"PNG\"")
        #expect(first.cursor == 2)
        #expect(first.message == "0x2")
        _ = try run(interpreter, "find \"PNG\" from 3")
        _ = try run(interpreter, "find \"PNG\" all")
        _ = try run(interpreter, "find \"PNG\" from 8")
        _ = try run(interpreter, "find 50 4e 47 all", json: true)
        #expect(
            sink.lines == [
                "0x2", "0x7", "0x2", "0x7", "not found",
                #"{"pattern":"504e47","offset":2}"#,
                #"{"pattern":"504e47","offset":7}"#,
            ])
    }

    @Test func infoListsKeyValueLinesOrOneJSONObject() throws {
        let file = TemporaryFile("abcd")
        let (interpreter, sink) = try interpreter(file)
        _ = try run(interpreter, "patch 0 41")
        _ = try run(interpreter, "info")
        _ = try run(interpreter, "info", json: true)
        #expect(
            sink.lines == [
                "path: \(file.path)", "size: 4", "mode: read-write", "sharing: shared", "page_size: 4096",
                "unsynced_edits: 1",
                #"{"path":"\#(file.path)","size":4,"mode":"read-write","sharing":"shared","page_size":4096,"unsynced_edits":1}"#,
            ])
    }

    @Test func editsMoveTheCursorAndUndoReportsWhere() throws {
        let file = TemporaryFile("0123456789")
        let (interpreter, _) = try interpreter(file)
        #expect(try run(interpreter, "fill 2 3 \"-\"").cursor == 2)
        #expect(try run(interpreter, "insert $ \"!\"").cursor == 10)
        #expect(try run(interpreter, "delete 0 1").cursor == 0)
        #expect(file.bytes == Array("1---56789!".utf8))
        #expect(try run(interpreter, "undo").cursor == 0)
        #expect(try run(interpreter, "undo").cursor == 10)
        #expect(try run(interpreter, "undo").cursor == 2)
        #expect(try run(interpreter, "undo").message == "nothing to undo")
        #expect(file.bytes == Array("0123456789".utf8))
        #expect(try run(interpreter, "resize $-4").message == "size 6")
        #expect(file.bytes == Array("012345".utf8))
    }

    @Test func quitIsRefusedWhileEditsAreUnsynced() throws {
        let file = TemporaryFile("abc")
        let (interpreter, _) = try interpreter(file)
        #expect(try run(interpreter, "q").quit == .normal)
        _ = try run(interpreter, "patch 0 58")
        #expect(throws: EditorError("unsynced edits: use :wq to save or :q! to discard")) {
            try run(interpreter, "q")
        }
        #expect(try run(interpreter, "q!").quit == .force)
        #expect(file.bytes == Array("abc".utf8))
        _ = try run(interpreter, "patch 0 58")
        #expect(try run(interpreter, "wq").quit == .afterSync)
        #expect(interpreter.document.unsyncedEdits == 0)
        #expect(file.bytes == Array("Xbc".utf8))
    }

    @Test func editorSettingsComeBackAsEffects() throws {
        let file = TemporaryFile("abc")
        let (interpreter, _) = try interpreter(file)
        #expect(try run(interpreter, "follow on").follow == true)
        #expect(try run(interpreter, "set columns=8").columns == .some(8))
        #expect(try run(interpreter, "set columns=auto").columns == .some(nil))
        #expect(try run(interpreter, "help").showHelp)
        #expect(try run(interpreter, "reopen").message == "size unchanged (3)")
        #expect(try run(interpreter, "sync").message == "synced")
        #expect(try run(interpreter, "advise sequential").message == "advised sequential for 3 bytes at 0x0")
    }

    @Test func syntaxErrorsOnTheCommandLineNameTheColumn() throws {
        let file = TemporaryFile("abc")
        let (interpreter, _) = try interpreter(file)
        #expect(throws: EditorError("column 9: patch: odd number of hex digits in 'abc' (bytes are pairs like 0a)")) {
            try run(interpreter, "patch 0 abc")
        }
    }

    @Test func withoutASinkOutputComesBackAsLines() throws {
        let file = TemporaryFile("abc")
        let interpreter = CommandInterpreter(document: try Document(path: file.path))
        let effects = try interpreter.run(line: "print", context: CommandContext(cursor: 1))
        #expect(effects.output == ["00000001: 6263                                     bc"])
    }

    @Test func collectedOutputIsCappedWithANote() throws {
        let file = TemporaryFile([UInt8](repeating: 0x61, count: 100_010))
        let interpreter = CommandInterpreter(document: try Document(path: file.path))
        let effects = try interpreter.run(line: "find 61 all", context: CommandContext(cursor: 0))
        #expect(effects.output.count == 100_001)
        #expect(effects.output[99_999] == "0x1869f")
        #expect(effects.output.last == "(10 more lines not shown: run the command headless to see them all)")
        #expect(effects.cursor == nil, "all leaves the cursor where it was")
    }
}
