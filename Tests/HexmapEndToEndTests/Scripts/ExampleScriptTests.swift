import Foundation
import TestSupport
import Testing

/// The example scripts shipped in Resources/examples, run as a user would run them.
@Suite struct ExampleScriptTests {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Resources/examples")

    private func example(_ name: String) -> String {
        Self.examples.appendingPathComponent(name).path
    }

    @Test func patchHeaderUpgradesAGIFHeader() throws {
        // GIF87a, 1x1, then some trailing bytes.
        let file = TemporaryFile(Array("GIF87a".utf8) + [0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x3B])
        let result = try HeadlessRun.hexmap([file.path, "-s", example("patch-header.hexmap")])
        #expect(result.status == 0, "\(result.err)")
        #expect(
            result.out == """
                00000000: 4749 4638 3761 0100 0100 8000 00         GIF87a.......
                00000000: 4749 4638 3961 4001 c800 8000 00         GIF89a@......

                """)
        #expect(
            try HeadlessRun.tool("xxd", ["-l", "10", file.path]).out
                == "00000000: 4749 4638 3961 4001 c800                 GIF89a@...\n")
    }

    @Test func patchHeaderRollsBackOnAShortFile() throws {
        let file = TemporaryFile("GIF87a\u{1}")
        let before = file.snapshot()
        let result = try HeadlessRun.hexmap([file.path, "-s", example("patch-header.hexmap")])
        #expect(result.status == 1)
        #expect(result.err.hasSuffix(":6: patch: 2 bytes at 0x6 run past the end of the file (size 7)\n"))
        #expect(try HeadlessRun.tool("cmp", [before, file.path]).status == 0)
    }

    @Test func zeroRangeKeepsTheFraming() throws {
        let bytes = [UInt8](repeating: 0xAA, count: 100)
        let file = TemporaryFile(bytes)
        let result = try HeadlessRun.hexmap([file.path, "-s", example("zero-range.hexmap")])
        #expect(result.status == 0, "\(result.err)")
        let dump = try HeadlessRun.tool("od", ["-An", "-tx1", "-v", "-w100", file.path]).out
        let values = dump.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        #expect(
            values == Array(repeating: "aa", count: 16) + Array(repeating: "00", count: 68)
                + Array(repeating: "aa", count: 16))
    }

    @Test func findMagicReportsEverySignature() throws {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let file = TemporaryFile(
            [UInt8](repeating: 0, count: 0x40) + signature + [UInt8](repeating: 1, count: 0x100) + signature)
        let before = file.snapshot()
        let result = try HeadlessRun.hexmap([file.path, "-r", "-s", example("find-magic.hexmap")])
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(3)) == ["0x40", "0x148", "path: \(file.path)"])
        #expect(lines.contains("size: 336"))
        #expect(lines.contains("mode: read-only"))
        let json = try HeadlessRun.hexmap([file.path, "-r", "--json", "-s", example("find-magic.hexmap")])
        #expect(json.out.split(separator: "\n").first == #"{"pattern":"89504e470d0a1a0a","offset":64}"#)
        #expect(try HeadlessRun.tool("cmp", [before, file.path]).status == 0)
    }
}
