import Foundation
import TestSupport
import Testing

/// `print ... as FORMAT`, yank/paste and marks through the built binary, with the text
/// parsed back by tools that are not ours: Python's `ast.literal_eval`, `base64 -d`,
/// `xxd -r -p`.
@Suite(.timeLimit(.minutes(2)))
struct CopyFormatEndToEndTests {
    /// Every byte value, then some text with quotes and backslashes: what trips up escaping.
    static let bytes: [UInt8] = (0..<256).map(UInt8.init) + Array("it's a \"test\" \\ done\n".utf8) + [0x27, 0x5c]

    private func printed(_ file: TemporaryFile, as format: String, extra: [String] = []) throws -> ProcessResult {
        let result = try HeadlessRun.hexmap([file.path, "-r", "-c", "print 0 $ as \(format)"] + extra)
        #expect(result.status == 0, "\(result.err)")
        return result
    }

    /// Runs python3 on `program` with `input` on stdin; its stdout as bytes.
    private func python(_ program: String, input: Data) throws -> [UInt8] {
        let result = try HeadlessRun.program("/usr/bin/env", ["python3", "-c", program], input: input)
        #expect(result.status == 0, "python3: \(result.err)")
        return [UInt8](result.stdout)
    }

    @Test func pythonParsesThePythonLiteral() throws {
        let file = TemporaryFile(Self.bytes)
        let text = try printed(file, as: "python").stdout
        #expect(text.last == 0x0A)
        #expect(text.filter { $0 == 0x0A }.count == 1, "one line")
        let parsed = try python(
            "import ast, sys; sys.stdout.buffer.write(ast.literal_eval(sys.stdin.read()))", input: text)
        #expect(parsed == Self.bytes)
    }

    @Test func pythonParsesTheCInitialiser() throws {
        let file = TemporaryFile(Self.bytes)
        let text = try printed(file, as: "c").stdout
        let parsed = try python(
            "import sys; sys.stdout.buffer.write(bytes(int(x, 16) for x in sys.stdin.read().split(',')))", input: text)
        #expect(parsed == Self.bytes)
        // xxd -i writes the same lines for the same bytes.
        let fromStdin = try HeadlessRun.program("/usr/bin/env", ["xxd", "-i"], input: Data(Self.bytes))
        #expect(text == fromStdin.stdout, "byte for byte what xxd -i writes")
    }

    @Test func base64DecodesTheBase64() throws {
        let file = TemporaryFile(Self.bytes)
        let text = try printed(file, as: "base64").stdout
        let decoded = try HeadlessRun.program("/usr/bin/env", ["base64", "-d"], input: text)
        #expect(decoded.status == 0)
        #expect([UInt8](decoded.stdout) == Self.bytes)
        let coreutils = try HeadlessRun.program("/usr/bin/env", ["base64"], input: Data(Self.bytes))
        #expect(text == coreutils.stdout, "the same lines as base64 writes")
    }

    @Test func xxdReversesTheHex() throws {
        let file = TemporaryFile(Self.bytes)
        let text = try printed(file, as: "hex").stdout
        #expect(text.filter { $0 == 0x0A }.count == 1, "one line")
        let reversed = try HeadlessRun.program("/usr/bin/env", ["xxd", "-r", "-p"], input: text)
        #expect([UInt8](reversed.stdout) == Self.bytes)
    }

    @Test func jsonCarriesTheTextAndPythonReadsIt() throws {
        let file = TemporaryFile(Self.bytes)
        let text = try printed(file, as: "python", extra: ["--json"]).stdout
        let parsed = try python(
            "import ast, json, sys; o = json.loads(sys.stdin.read()); assert o['format'] == 'python' and o['offset'] == 0; "
                + "sys.stdout.buffer.write(ast.literal_eval(o['text']))", input: text)
        #expect(parsed == Self.bytes)
    }

    @Test func marksAndTheRegisterWorkHeadless() throws {
        let file = TemporaryFile("0123456789abcdef")
        let result = try HeadlessRun.hexmap([
            file.path, "-c", "mark a 4", "-c", "yank 'a 2", "-c", "paste $-2", "-c", "print 'a 2 as hex", "-c",
            "goto 'z",
        ])
        #expect(result.status == 1, "an unset mark is an error")
        #expect(result.out == "3435\n")
        #expect(result.err.contains("goto: mark 'z is not set"))
        #expect(file.bytes == Array("0123456789abcdef".utf8), "the failed script's paste was rolled back")
        let good = try HeadlessRun.hexmap([file.path, "-c", "mark a 4", "-c", "yank 'a 2", "-c", "paste $-2"])
        #expect(good.status == 0)
        #expect(file.bytes == Array("0123456789abcd45".utf8))
    }

    @Test func aSelectionCommandWithoutOneFailsAtRunTimeHeadless() throws {
        let file = TemporaryFile("0123456789")
        let result = try HeadlessRun.hexmap([file.path, "-c", "fill 00"])
        #expect(result.status == 1)
        #expect(result.err.contains("fill: nothing is selected: give OFF LEN, or select bytes first (v in the editor)"))
        #expect(file.bytes == Array("0123456789".utf8))
    }

    @Test func theREPLKeepsMarksAndTheRegisterFromLineToLine() throws {
        let file = TemporaryFile("ABCDEFGH")
        let result = try HeadlessRun.hexmap(
            [file.path, "--repl"],
            input: Data("mark q 2\nyank 'q 3\npaste 5\nprint 'q 6 as python\nset clipboard on\nyank 0 1\n".utf8))
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out == "b'CDECDE'\n")
        #expect(!result.out.contains("\u{1b}]52"), "no terminal: no clipboard sequence")
        #expect(file.bytes == Array("ABCDECDE".utf8))
    }
}
