import Foundation
import TestSupport
import Testing

/// A runtime error rolls back everything the script did, through the undo journal.
@Suite struct RollbackTests {
    @Test func patchInsertResizeThenFailureLeavesTheFileByteIdentical() throws {
        let bytes = (0..<5000).map { UInt8(truncatingIfNeeded: $0 * 37) }
        let file = TemporaryFile(bytes)
        let before = file.snapshot()
        let script = file.sibling(
            "edit.hexmap",
            Array(
                """
                patch 0 "HEADER"
                insert 100 "a run of inserted bytes"
                delete 2000 1000
                fill 10 20 ff
                sync
                resize 64k
                fill 4k 40k 00
                resize 3000
                patch 3000 00
                print 0 16
                """.utf8))
        let result = try HeadlessRun.hexmap([file.path, "-s", script])
        #expect(result.status == 1)
        #expect(result.err == "\(script):9: patch: 1 byte at 0xbb8 runs past the end of the file (size 3000)\n")
        #expect(try HeadlessRun.tool("cmp", [before, file.path]).status == 0)
        #expect(try HeadlessRun.tool("stat", ["-c", "%s", file.path]).out == "5000\n")
    }

    @Test func noRollbackKeepsTheEditsMadeBeforeTheError() throws {
        let file = TemporaryFile("0123456789")
        let result = try HeadlessRun.hexmap([
            file.path, "--no-rollback", "-c", "patch 0 41", "-c", "insert $ \"!\"", "-c", "goto 99",
        ])
        #expect(result.status == 1)
        #expect(result.err == "-c:3: goto: offset 0x63 is past the end of the file (size 11)\n")
        #expect(try HeadlessRun.tool("xxd", ["-p", file.path]).out == "413132333435363738392" + "1\n")
    }

    @Test func outputBeforeTheErrorIsStillWritten() throws {
        let file = TemporaryFile("abc")
        let result = try HeadlessRun.hexmap([file.path, "-c", "find 62", "-c", "patch 9 00"])
        #expect(result.status == 1)
        #expect(result.out == "0x1\n")
    }

    @Test func scriptsThatFailToParseNeverTouchTheFile() throws {
        // Mutated scripts through the binary: whenever it reports a syntax error (exit 2), the
        // file must be byte-identical; a run that succeeds is allowed to edit it.
        var random = SplitMix64(seed: 0xE2E)
        let lines = [
            "patch 0 \"ZZ\"", "fill 2 3 00", "insert 1 ab", "delete 0 1", "resize 8", "print 0 4", "find 41 all",
        ]
        var syntaxErrors = 0
        for _ in 0..<60 {
            let file = TemporaryFile("ABCDEFGHIJKLMNOP")
            let before = file.snapshot()
            var script = Array(lines.shuffled(using: &random).prefix(4).joined(separator: "\n").utf8)
            for _ in 0..<2 {
                let position = Int.random(in: 0..<script.count, using: &random)
                script[position] = Array("\"\\x#$-g0 ".utf8).randomElement(using: &random)!
            }
            let path = file.sibling("m.hexmap", script)
            let result = try HeadlessRun.hexmap([file.path, "-s", path])
            #expect([0, 1, 2].contains(result.status))
            if result.status == 2 {
                syntaxErrors += 1
                #expect(
                    try HeadlessRun.tool("cmp", [before, file.path]).status == 0,
                    "\(String(decoding: script, as: UTF8.self))")
            }
            if result.status == 1 {
                #expect(
                    try HeadlessRun.tool("cmp", [before, file.path]).status == 0,
                    "rolled back: \(String(decoding: script, as: UTF8.self))")
            }
        }
        #expect(syntaxErrors > 5)
    }
}
