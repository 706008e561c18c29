import TestSupport
import Testing

@testable import HexEditor

/// The one mechanism by which commands take their range from the selection: declared in the
/// grammar (`SelectionUse`), let through by the parser, resolved by `CommandRun`.
@Suite("Commands that take the selection as their range")
struct SelectionRangeTests {
    private func interpreter(_ bytes: [UInt8]) throws -> (CommandInterpreter, CollectingSink, TemporaryFile) {
        let file = TemporaryFile(bytes)
        let interpreter = CommandInterpreter(document: try Document(path: file.path))
        let sink = CollectingSink()
        interpreter.outputSink = sink
        return (interpreter, sink, file)
    }

    private func run(_ interpreter: CommandInterpreter, _ line: String, selection: Range<Int>? = nil, cursor: Int = 0)
        throws(EditorError) -> CommandEffects
    {
        try interpreter.run(line: line, context: CommandContext(cursor: cursor, selection: selection))
    }

    @Test func theParserLetsTheRangeOfSelectionCommandsGo() throws {
        #expect(try CommandParser.parse(line: "fill 00") == Command("fill", ["BYTE": .byte(0)]))
        #expect(try CommandParser.parse(line: "fill ff") == Command("fill", ["BYTE": .byte(0xff)]))
        #expect(try CommandParser.parse(line: "delete") == Command("delete"))
        #expect(try CommandParser.parse(line: "yank") == Command("yank"))
        #expect(try CommandParser.parse(line: "print as c") == Command("print", ["as": .word("c")]))
        #expect(
            try CommandParser.parse(line: "find 00")
                == Command("find", ["PATTERN": .pattern(BytePattern(values: [0], masks: [0xff]))]))
        // Round trips, as the table test does for every example.
        for line in ["fill 00", "delete", "yank", "print as hex"] {
            let command = try #require(try CommandParser.parse(line: line))
            #expect(try CommandParser.parse(line: command.text) == command, "\(line) -> \(command.text)")
        }
    }

    @Test func aHalfGivenRangeIsStillASyntaxErrorAboutTheFullForm() {
        #expect(throws: ParseError(line: 1, column: 11, message: "fill: missing BYTE (usage: fill OFF LEN BYTE)")) {
            try CommandParser.parse(line: "fill 0 16")
        }
        #expect(throws: ParseError(line: 1, column: 10, message: "delete: missing LEN (usage: delete OFF LEN)")) {
            try CommandParser.parse(line: "delete 5")
        }
        #expect(throws: ParseError.self) { try CommandParser.parse(line: "fill") }
        #expect(throws: ParseError.self) { try CommandParser.parse(line: "patch 00") }
    }

    @Test func fillTakesTheSelectionInOneUndoStep() throws {
        let (interpreter, _, file) = try interpreter(countingBytes(64))
        let effects = try run(interpreter, "fill ff", selection: 10..<30)
        #expect(effects.usedSelection)
        #expect(effects.cursor == 10)
        #expect(effects.message == "filled 20 bytes at 0xa")
        #expect(file.bytes == countingBytes(10) + [UInt8](repeating: 0xff, count: 20) + Array(countingBytes(64)[30...]))
        #expect(interpreter.document.unsyncedEdits == 1)
        _ = try run(interpreter, "undo")
        #expect(file.bytes == countingBytes(64))
    }

    @Test func withoutASelectionALeftOutRangeIsAnError() throws {
        let (interpreter, _, file) = try interpreter(countingBytes(64))
        #expect(throws: EditorError("fill: nothing is selected: give OFF LEN, or select bytes first (v in the editor)"))
        {
            try run(interpreter, "fill ff")
        }
        #expect(
            throws: EditorError("delete: nothing is selected: give OFF LEN, or select bytes first (v in the editor)")
        ) {
            try run(interpreter, "delete")
        }
        #expect(file.bytes == countingBytes(64))
    }

    @Test func givenArgumentsWinOverTheSelection() throws {
        let (interpreter, sink, file) = try interpreter(countingBytes(64))
        let effects = try run(interpreter, "fill 0 2 aa", selection: 10..<30)
        #expect(!effects.usedSelection)
        #expect(Array(file.bytes[0..<3]) == [0xaa, 0xaa, 2])
        _ = try run(interpreter, "print 0x30 as hex", selection: 10..<12)
        #expect(
            sink.lines == ["303132333435363738393a3b3c3d3e3f"], "OFF given: LEN is its default, not the selection's")
    }

    @Test func printDeleteAndYankTakeIt() throws {
        let (interpreter, sink, file) = try interpreter(countingBytes(64))
        var effects = try run(interpreter, "print", selection: 16..<20)
        #expect(effects.usedSelection)
        #expect(sink.lines == ["00000010: 1011 1213                                ...."])
        effects = try run(interpreter, "yank", selection: 4..<8)
        #expect(effects.usedSelection)
        #expect(effects.cursor == 4, "after a yank of the selection the cursor is at its start")
        #expect(interpreter.register.bytes == [4, 5, 6, 7])
        effects = try run(interpreter, "delete", selection: 0..<60)
        #expect(file.bytes == [60, 61, 62, 63])
    }

    @Test func findSearchesInsideTheSelection() throws {
        var bytes = [UInt8](repeating: 0, count: 100)
        for at in [5, 40, 60, 95] { bytes[at] = 0x41 }
        let (interpreter, sink, _) = try interpreter(bytes)
        var effects = try run(interpreter, "find 41", selection: 10..<70, cursor: 0)
        #expect(effects.cursor == 40)
        #expect(effects.usedSelection)
        effects = try run(interpreter, "find 41 back", selection: 10..<70, cursor: 0)
        #expect(effects.cursor == 60, "the last match inside it")
        effects = try run(interpreter, "find 41 back", selection: 41..<60, cursor: 0)
        #expect(effects.message == "not found", "40 and 60 lie outside 41..<60")
        _ = try run(interpreter, "find 41 count", selection: 0..<61)
        _ = try run(interpreter, "find 41 all", selection: 6..<96)
        #expect(Array(sink.lines.suffix(4)) == ["3", "0x28", "0x3c", "0x5f"])
        effects = try run(interpreter, "find 41 from 0", selection: 10..<70)
        #expect(effects.cursor == 5, "from given: the selection stands in for nothing")
        #expect(!effects.usedSelection)
        // A match must lie wholly inside.
        effects = try run(interpreter, "find 41 00", selection: 10..<41)
        #expect(effects.message == "not found")
    }

    @Test func helpSaysWhichCommandsTakeIt() throws {
        for name in ["fill", "print", "find", "yank", "delete", "inspect", "struct"] {
            let declaration = try #require(CommandTable.declaration(named: name))
            #expect(declaration.grammar.selection != nil)
            #expect(CommandHelp.lines(for: declaration).contains { $0.contains("While bytes are selected") }, "\(name)")
        }
        for name in ["patch", "insert", "paste", "goto", "poke"] {
            #expect(CommandTable.declaration(named: name)?.grammar.selection == nil)
        }
    }
}
