import TestSupport
import Testing

@testable import HexEditor

/// `yank`, `paste` and the `y` / `p` keys: one register per session, in the interpreter.
@Suite("Register: yank and paste")
struct RegisterTests {
    private func interpreter(_ bytes: [UInt8], readOnly: Bool = false) throws -> (CommandInterpreter, TemporaryFile) {
        let file = TemporaryFile(bytes)
        return (CommandInterpreter(document: try Document(path: file.path, readOnly: readOnly)), file)
    }

    @discardableResult
    private func run(_ interpreter: CommandInterpreter, _ line: String, cursor: Int = 0) throws(EditorError)
        -> CommandEffects
    {
        try interpreter.run(line: line, context: CommandContext(cursor: cursor))
    }

    @Test func pasteOfManyBytesIsOneUndoStep() throws {
        let (interpreter, file) = try interpreter(countingBytes(32))
        #expect(try run(interpreter, "yank 0 8").message == "yanked 8 bytes at 0x0")
        let effects = try run(interpreter, "paste 20")
        #expect(effects.message == "pasted 8 bytes at 0x14")
        #expect(effects.cursor == 20)
        #expect(Array(file.bytes[20..<28]) == countingBytes(8))
        #expect(interpreter.document.unsyncedEdits == 1)
        try run(interpreter, "undo")
        #expect(file.bytes == countingBytes(32))
    }

    @Test func pasteOfOneByteAtTheLastByte() throws {
        let (interpreter, file) = try interpreter(countingBytes(32))
        try run(interpreter, "yank 5 1")
        try run(interpreter, "paste $-1")
        #expect(file.bytes == countingBytes(31) + [5])
    }

    @Test func pastePastTheEndChangesNothing() throws {
        let (interpreter, file) = try interpreter(countingBytes(32))
        try run(interpreter, "yank 0 2")
        #expect(throws: EditorError("paste: 2 bytes at 0x1f run past the end of the file (size 32)")) {
            try run(interpreter, "paste 31")
        }
        #expect(throws: EditorError("paste: offset 0x21 is past the end of the file (size 32)")) {
            try run(interpreter, "paste 33")
        }
        #expect(file.bytes == countingBytes(32))
        #expect(interpreter.document.unsyncedEdits == 0)
    }

    @Test func pasteOfNothingChangesNothingAndTakesNoUndoStep() throws {
        let (interpreter, file) = try interpreter(countingBytes(8))
        #expect(throws: EditorError("paste: nothing yanked yet (y in the editor, or yank OFF LEN)")) {
            try run(interpreter, "paste")
        }
        try run(interpreter, "yank 3 0")
        #expect(interpreter.register.bytes == [])
        #expect(try run(interpreter, "paste 8").message == "pasted 0 bytes at 0x8", "even at the end")
        #expect(file.bytes == countingBytes(8))
        #expect(interpreter.document.unsyncedEdits == 0)
        #expect(!interpreter.document.canUndo)
    }

    @Test func aReadOnlyFileRefusesThePasteButYanks() throws {
        let (interpreter, file) = try interpreter(countingBytes(8), readOnly: true)
        try run(interpreter, "yank 0 4")
        #expect(interpreter.register.bytes == [0, 1, 2, 3])
        #expect(throws: EditorError.self) { try run(interpreter, "paste 4") }
        do {
            try run(interpreter, "paste 4")
        } catch {
            #expect(error.kind == .readOnly)
        }
        #expect(file.bytes == countingBytes(8))
    }

    @Test func theRegisterIsACopyAndBounded() throws {
        let (interpreter, file) = try interpreter(countingBytes(16))
        try run(interpreter, "yank 0 4")
        try run(interpreter, "fill 0 4 ee")
        try run(interpreter, "paste 8")
        #expect(Array(file.bytes[8..<12]) == [0, 1, 2, 3], "what was yanked, not what is there now")
        #expect(throws: EditorError("yank: 4 bytes at 0xe run past the end of the file (size 16)")) {
            try run(interpreter, "yank 14 4")
        }
        #expect(
            throws: EditorError(
                "yank: at most \(Register.limit) bytes at a time (asked for 16777217); print copies any length")
        ) {
            try run(interpreter, "yank 0 16777217")
        }
    }

    @Test func theClipboardGetsHexOnlyWhenAskedFor() throws {
        let (interpreter, _) = try interpreter(Array("Hello".utf8))
        #expect(try run(interpreter, "yank 0 5").clipboard == nil, "off by default")
        #expect(try run(interpreter, "set clipboard on").message == "clipboard on")
        let effects = try run(interpreter, "yank 1 3")
        #expect(effects.clipboard == "656c6c")
        #expect(effects.message == "yanked 3 bytes at 0x1 (on the clipboard as hex)")
        try run(interpreter, "set clipboard=off")
        #expect(try run(interpreter, "yank 0 5").clipboard == nil)
    }

    @Test func keysYankTheSelectionOrTheCursorByteAndPasteAtTheCursor() throws {
        let (editor, file) = try makeEditor(countingBytes(64))
        editor.handle(keys("lvllly"))
        #expect(editor.messageText == "yanked 4 bytes at 0x1")
        #expect(editor.selectedBytes == nil, "y ends the selection")
        #expect(editor.cursor == 1)
        editor.handle(keys(":0x20<Enter>p"))
        #expect(Array(file.bytes[0x20..<0x24]) == [1, 2, 3, 4])
        #expect(editor.messageText == "pasted 4 bytes at 0x20")
        editor.handle(keys("u"))
        #expect(file.bytes == countingBytes(64), "one undo step")
        editor.handle(keys("Gy"))
        #expect(editor.messageText == "yanked 1 byte at 0x3f", "no selection: the byte under the cursor")
        editor.handle(keys("gp"))
        #expect(file.bytes[0] == 63)
        editor.handle(keys("G$p"))
        #expect(!editor.messageIsError, "one byte at the last byte fits")
    }

    @Test func aPasteThatDoesNotFitIsAnErrorOnTheMessageLine() throws {
        let (editor, file) = try makeEditor(countingBytes(64))
        editor.handle(keys("vjy"))
        editor.handle(keys("Gp"))
        #expect(editor.messageIsError)
        #expect(editor.messageText == "paste: 17 bytes at 0x3f run past the end of the file (size 64)")
        #expect(file.bytes == countingBytes(64))
    }

    @Test func scriptsAndTheREPLHaveTheRegisterToo() throws {
        let file = TemporaryFile(countingBytes(16))
        let document = try Document(path: file.path)
        let sink = CollectingSink()
        let script = try Script.parse(commands: ["yank 0 2", "paste 14", "mark z 3", "print 'z 1 as hex"])
        let runner = ScriptRunner(document: document, output: sink, options: .init(sync: false))
        #expect(runner.run(script) == .succeeded)
        #expect(file.bytes == countingBytes(14) + [0, 1])
        #expect(sink.lines == ["03"])
    }
}
