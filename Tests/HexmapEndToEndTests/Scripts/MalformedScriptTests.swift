import Foundation
import TestSupport
import Testing

/// Malformed input, one case each: the documented message and exit code, and the file
/// byte-identical afterwards (checked with cmp). Each script patches the file first, so a
/// script that ran anyway would show.
@Suite struct MalformedScriptTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let script: [UInt8]
        let status: Int32
        let message: String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unknown command", script: Array("patch 0 00\nfrobnicate 3\n".utf8), status: 2,
            message: "bad.hexmap:2:1: unknown command 'frobnicate' (try: help)"),
        Case(
            name: "missing argument", script: Array("patch 0 00\nfill 0 4\n".utf8), status: 2,
            message: "bad.hexmap:2:10: fill: missing BYTE (usage: fill OFF LEN BYTE)"),
        Case(
            name: "bad number", script: Array("patch 0 00\ngoto 12q\n".utf8), status: 2,
            message: "bad.hexmap:2:6: goto: OFF: bad number '12q' (decimal, 0x hex, optional k/m/g suffix, $ or $-N)"),
        Case(
            name: "bad hex: odd digits", script: Array("patch 0 00\npatch 1 abc\n".utf8), status: 2,
            message: "bad.hexmap:2:9: patch: odd number of hex digits in 'abc' (bytes are pairs like 0a)"),
        Case(
            name: "bad hex: not hex", script: Array("patch 0 00\npatch 1 0g\n".utf8), status: 2,
            message: "bad.hexmap:2:10: patch: bad hex digit 'g' in '0g' (bytes are hex pairs or a \"string\")"),
        Case(
            name: "unterminated string", script: Array("patch 0 00\npatch 1 \"abc\n".utf8), status: 2,
            message: "bad.hexmap:2:9: unterminated string (no closing \")"),
        Case(
            name: "bad escape", script: Array("patch 0 00\npatch 1 \"a\\qb\"\n".utf8), status: 2,
            message:
                "bad.hexmap:2:11: bad escape \\q (known: \\n \\r \\t \\\\ \\\" \\' \\a \\b \\e \\f \\v \\xHH, octal \\0 to \\377)"
        ),
        Case(
            name: "negative length", script: Array("patch 0 00\nfill 0 -4 00\n".utf8), status: 2,
            message: "bad.hexmap:2:8: fill: LEN must not be negative: '-4'"),
        Case(
            name: "invalid UTF-8", script: Array("patch 0 00\npatch 1 \"".utf8) + [0xC0, 0xAF] + Array("\"\n".utf8),
            status: 2,
            message: "bad.hexmap:2:10: invalid UTF-8 (byte 0xc0)"),
        Case(
            name: "NUL byte", script: Array("patch 0 00\npatch 1 0".utf8) + [0] + Array("0\n".utf8), status: 2,
            message: "bad.hexmap:2:10: NUL byte in the script"),
        Case(
            name: "a 20 MB line",
            script: Array("patch 0 00\npatch 1 ".utf8) + [UInt8](repeating: 0x61, count: 20_000_000) + [0x0A],
            status: 2,
            message: "bad.hexmap:2:1: line too long: more than 1048576 bytes without a newline"),
        Case(
            name: "offset past end", script: Array("patch 0 00\npatch 100 00\n".utf8), status: 1,
            message: "bad.hexmap:2: patch: offset 0x64 is past the end of the file (size 16)"),
        Case(
            name: "patch running past the end", script: Array("patch 0 00\npatch 15 0102\n".utf8), status: 1,
            message: "bad.hexmap:2: patch: 2 bytes at 0xf run past the end of the file (size 16)"),
        Case(
            name: "$-N before the start", script: Array("patch 0 00\ndelete $-17 1\n".utf8), status: 1,
            message: "bad.hexmap:2: delete: OFF: $-17 is before the start of the file (size 16)"),
    ]

    @Test(arguments: cases)
    func isRefusedWithTheDocumentedMessage(_ testCase: Case) throws {
        let file = TemporaryFile("0123456789abcdef")
        let before = file.snapshot()
        let script = file.sibling("bad.hexmap", testCase.script)
        // Run from the script's directory so SCRIPT in the message is the path as given.
        let result = try HeadlessRun.program(
            "/bin/sh",
            ["-c", "cd '\(file.directory)' && exec '\(HeadlessRun.hexmapPath)' '\(file.path)' -s bad.hexmap"])
        _ = script
        #expect(result.status == testCase.status)
        #expect(result.err == testCase.message + "\n")
        #expect(result.out == "")
        #expect(try HeadlessRun.tool("cmp", [before, file.path]).status == 0)
    }

    @Test func commandLineScriptsNameThemselvesDashC() throws {
        let file = TemporaryFile("0123456789abcdef")
        let before = file.snapshot()
        let result = try HeadlessRun.hexmap([file.path, "-c", "patch 0 00", "-c", "print", "-c", "patch 0 zz"])
        #expect(result.status == 2)
        #expect(result.err == "-c:3:9: patch: bad hex digit 'z' in 'zz' (bytes are hex pairs or a \"string\")\n")
        #expect(try HeadlessRun.tool("cmp", [before, file.path]).status == 0)
    }

    @Test func standardInputScriptsNameThemselvesDash() throws {
        let file = TemporaryFile("0123456789abcdef")
        let result = try HeadlessRun.hexmap([file.path, "-s", "-"], input: Data("patch 0 00\n\nresize x\n".utf8))
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("-:3:8: resize: SIZE: bad number 'x'"))
        #expect(file.bytes == Array("0123456789abcdef".utf8))
    }
}
