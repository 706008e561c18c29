import TestSupport
import Testing

@testable import HexEditor

/// Marks: `mark NAME [OFF]`, `m` + letter, `'` + letter, and `'a` wherever an offset goes.
@Suite("Marks")
struct MarkTests {
    private func interpreter(_ bytes: [UInt8]) throws -> (CommandInterpreter, CollectingSink, TemporaryFile) {
        let file = TemporaryFile(bytes)
        let interpreter = CommandInterpreter(document: try Document(path: file.path))
        let sink = CollectingSink()
        interpreter.outputSink = sink
        return (interpreter, sink, file)
    }

    @discardableResult
    private func run(_ interpreter: CommandInterpreter, _ line: String, cursor: Int = 0) throws(EditorError)
        -> CommandEffects
    {
        try interpreter.run(line: line, context: CommandContext(cursor: cursor))
    }

    @Test func setAtTheCursorOrAnOffsetAndUseAsOffsets() throws {
        let (interpreter, sink, file) = try interpreter(countingBytes(64))
        #expect(try run(interpreter, "mark a", cursor: 16).message == "mark 'a at 0x10")
        try run(interpreter, "mark B 0x20")
        #expect(try run(interpreter, "goto 'a").cursor == 16)
        #expect(try run(interpreter, "goto 'B").cursor == 32, "capitals are other marks")
        try run(interpreter, "print 'a 4 as hex")
        #expect(sink.lines == ["10111213"])
        try run(interpreter, "fill 'B 2 00")
        #expect(Array(file.bytes[32..<35]) == [0, 0, 34])
        try run(interpreter, "mark c 'a")
        #expect(interpreter.marks["c"] == 16, "a mark as the offset of another")
        #expect(try run(interpreter, "find 20 from 'a").cursor == nil)
    }

    @Test func anUnsetMarkIsAnError() throws {
        let (interpreter, _, _) = try interpreter(countingBytes(8))
        #expect(throws: EditorError("goto: mark 'q is not set (mq or :mark q sets it)")) {
            try run(interpreter, "goto 'q")
        }
        #expect(throws: EditorError("print: OFF: mark 'q is not set (mq or :mark q sets it)")) {
            try run(interpreter, "print 'q")
        }
    }

    @Test func afterAResizeAMarkPastTheEndIsRefusedUntilTheFileGrowsBack() throws {
        let (interpreter, _, _) = try interpreter(countingBytes(64))
        try run(interpreter, "mark a 48")
        try run(interpreter, "resize 16")
        #expect(throws: EditorError("goto: mark 'a (0x30) is past the end of the file (size 16)")) {
            try run(interpreter, "goto 'a")
        }
        try run(interpreter, "resize 100")
        #expect(try run(interpreter, "goto 'a").cursor == 48, "a mark is an offset: it is still there")
        try run(interpreter, "insert 0 ff ff")
        #expect(try run(interpreter, "goto 'a").cursor == 48, "and inserting before it does not move it")
    }

    @Test func namesAreOneLetter() throws {
        #expect(throws: ParseError(line: 1, column: 6, message: "mark: NAME must be a letter (a-z, A-Z), not '1'")) {
            try CommandParser.parse(line: "mark 1")
        }
        #expect(
            throws: ParseError(line: 1, column: 6, message: "goto: OFF: bad mark ''ab' (a mark is ' and a letter: 'a)")
        ) {
            try CommandParser.parse(line: "goto 'ab")
        }
        #expect(throws: ParseError.self) { try CommandParser.parse(line: "print '") }
        #expect(
            try CommandParser.parse(line: "print 'x 4")
                == Command("print", ["OFF": .number(.mark("x")), "LEN": .number(.value(4))]))
        #expect(try CommandParser.parse(line: "print 'x 4")?.text == "print 'x 4")
    }

    @Test func keysSetAndJump() throws {
        let (editor, _) = try makeEditor(countingBytes(500))
        editor.handle(keys(":300<Enter>ma"))
        #expect(editor.messageText == "mark 'a at 0x12c")
        editor.handle(keys("g'a"))
        #expect(editor.cursor == 300)
        editor.handle(keys("'z"))
        #expect(editor.messageIsError)
        #expect(editor.messageText == "goto: mark 'z is not set (mz or :mark z sets it)")
        editor.handle(keys("m1"))
        #expect(editor.messageText == "a mark is named by a letter (a-z, A-Z)")
        editor.handle(keys("m<Esc>l"))
        #expect(editor.cursor == 301, "Esc cancels the mark; the next key is a key again")
        editor.handle(keys(":'a<Enter>"))
        #expect(editor.cursor == 300, ":'a jumps as :OFF does")
        editor.handle(keys("g:mark b 'a<Enter>'b"))
        #expect(editor.cursor == 300)
    }
}
