import TestSupport
import Testing

@testable import HexEditor

@Suite struct ScriptRunnerTests {
    private func run(
        _ text: String, on file: TemporaryFile, options: ScriptRunner.Options = .init(), readOnly: Bool = false
    )
        throws -> (ScriptRunner.Outcome, CollectingSink)
    {
        let script = try Script.parse(Array(text.utf8), name: "test.hexmap")
        let document = try Document(path: file.path, readOnly: readOnly)
        defer { document.close() }
        let sink = CollectingSink()
        let outcome = ScriptRunner(document: document, output: sink, options: options).run(script)
        return (outcome, sink)
    }

    @Test func runsCommandsInOrderWithTheCursorCarriedAlong() throws {
        let file = TemporaryFile("....MAGIC....")
        let (outcome, sink) = try run(
            """
            # find the magic, then overwrite it
            find "MAGIC"
            print 0x4 5
            :patch 4 "magic"
            """, on: file)
        #expect(outcome == .succeeded)
        #expect(sink.lines == ["0x4", "00000004: 4d41 4749 43                             MAGIC"])
        #expect(file.bytes == Array("....magic....".utf8))
    }

    @Test func aRuntimeErrorRollsBackPatchesInsertsDeletesAndResizes() throws {
        let original = (0..<200).map { UInt8($0) }
        let file = TemporaryFile(original)
        let (outcome, _) = try run(
            """
            patch 0 ff ff
            insert 10 "inserted bytes"
            delete 50 20
            resize 150
            sync
            fill 0 $ 00
            resize 4k
            patch 5000 00
            """, on: file)
        #expect(
            outcome == .failed(message: "test.hexmap:8: patch: offset 0x1388 is past the end of the file (size 4096)"))
        #expect(outcome.exitStatus == 1)
        #expect(file.bytes == original)
    }

    @Test func noRollbackKeepsTheEditsBeforeTheError() throws {
        let file = TemporaryFile("abcdef")
        let (outcome, _) = try run(
            "patch 0 41\ninsert $ \"!\"\ndelete 100 1\n", on: file, options: .init(rollback: false))
        #expect(outcome == .failed(message: "test.hexmap:3: delete: offset 0x64 is past the end of the file (size 7)"))
        #expect(file.bytes == Array("Abcdef!".utf8))
    }

    @Test func readOnlyMakesAnEditARuntimeError() throws {
        let file = TemporaryFile("abc")
        let (outcome, sink) = try run("print\npatch 0 00\nprint", on: file, readOnly: true)
        #expect(outcome == .failed(message: "test.hexmap:2: \(file.path) is open read-only: edits are refused"))
        #expect(sink.lines == ["00000000: 6162 63                                  abc"])
        #expect(file.bytes == Array("abc".utf8))
    }

    @Test func endsSyncedUnlessToldNotTo() throws {
        let file = TemporaryFile("abc")
        let script = try Script.parse(Array("patch 0 41".utf8), name: "s")
        let document = try Document(path: file.path)
        #expect(ScriptRunner(document: document, output: CollectingSink()).run(script) == .succeeded)
        #expect(document.unsyncedEdits == 0)
        let unsynced = ScriptRunner(document: document, output: CollectingSink(), options: .init(sync: false))
        #expect(unsynced.run(script) == .succeeded)
        #expect(document.unsyncedEdits == 1)
    }

    @Test func quitStopsTheScript() throws {
        let file = TemporaryFile("abc")
        let (outcome, sink) = try run("print 0 1\nwq\nprint 1 1\n", on: file)
        #expect(outcome == .succeeded)
        #expect(sink.lines == ["00000000: 61                                       a"])
        let (refused, _) = try run("patch 0 00\nq\n", on: file)
        #expect(refused == .failed(message: "test.hexmap:2: unsynced edits: use :wq to save or :q! to discard"))
        #expect(file.bytes == Array("abc".utf8))
    }

    @Test func syntaxErrorsNameTheScriptLineAndColumn() {
        #expect(
            throws: ScriptSyntaxError(
                scriptName: "x.hexmap",
                error: ParseError(
                    line: 3, column: 9, message: "patch: odd number of hex digits in 'abc' (bytes are pairs like 0a)"))
        ) {
            try Script.parse(Array("info\r\n\npatch 0 abc\n".utf8), name: "x.hexmap")
        }
        #expect(
            throws: ScriptSyntaxError(
                scriptName: "-c", error: ParseError(line: 2, column: 1, message: "unknown command 'nope' (try: help)"))
        ) {
            try Script.parse(commands: ["info", "nope"])
        }
        #expect(
            throws: ScriptSyntaxError(
                scriptName: "-c",
                error: ParseError(
                    line: 1, column: 5,
                    message: "a -c command must be one line (give each command its own -c, or use -s)"))
        ) {
            try Script.parse(commands: ["info\nprint"])
        }
    }

    @Test func aByteOrderMarkAtTheStartIsSkipped() throws {
        let script = try Script.parse([0xEF, 0xBB, 0xBF] + Array("info\r\nundo".utf8), name: "bom")
        #expect(script.lines == [Script.Line(number: 1, command: .info), Script.Line(number: 2, command: .undo)])
    }
}
