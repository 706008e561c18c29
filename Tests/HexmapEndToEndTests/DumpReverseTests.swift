import Foundation
import Testing

/// `hexmap dump -r`: round trips, byte-identical results with `xxd -r`, patching files in place,
/// and malformed dumps that must not leave a half-written file.
@Suite struct DumpReverseTests {
    static let fixtures = DumpDifferentialTests.fixtures
    let hexmap = DumpTestSupport.hexmap
    let xxd = DumpTestSupport.xxd

    static let roundTripForms: [(dump: String, reverse: String)] = [
        ("", ""), ("-p", "-r -p"), ("-c 32", "-c 32"), ("-c 7 -g 3 -u", "-c 7"), ("-a", ""), ("-ps -c 0", "-p"),
    ]

    @Test(arguments: DumpFixtures.names)
    func dumpThenReverseReproducesTheFile(_ name: String) {
        for form in Self.roundTripForms {
            let script =
                "\(hexmap) dump \(form.dump) \(name) | \(hexmap) dump -r \(form.reverse) > \(name).back-\(getpid())"
            let outcome = DumpTestSupport.shell(script + "; cmp -s \(name) \(name).back-\(getpid())", in: Self.fixtures)
            #expect(outcome.status == 0, "dump \(form.dump) | dump -r \(form.reverse) of \(name)")
            try? FileManager.default.removeItem(atPath: Self.fixtures + "/\(name).back-\(getpid())")
        }
    }

    /// Dumps that xxd reads in its own lenient way; hexmap must produce the same bytes and status.
    static let reverseInputs: [(name: String, text: String, options: [String])] = [
        ("gap", "00000000: 4142 4344  ABCD\n00000010: 45\n", []),
        ("backwards", "00000010: 4142\n00000000: 4344\n", []),
        ("offset-only", "0010\n0000: 41\n", []),
        ("odd", "00000000: 41 4 2 43 zz 44\n  00000004: 45 46\r\nxyz\n00000010: 4g47\n", []),
        ("plain-odd", "41 42\n43:44 4 5zzz46\n47", ["-p"]),
        ("long-line", "00000000: 4142 4344 4546 4748 494a 4b4c 4d4e 4f50 5152  ABCD\n", []),
        ("long-line-c20", "00000000: 4142 4344 4546 4748 494a 4b4c 4d4e 4f50 5152  ABCD\n", ["-c", "20"]),
        ("seek-forward", "00000010: 41\n", ["-s", "0x20"]),
        ("seek-negative", "00000010: 41\n", ["-s", "-0x20"]),
        ("seek-partly-negative", "00000010: 41\n00000000: 42\n", ["-s", "-8"]),
        ("empty", "", []),
        ("garbage", "hello world\nthis is not a dump\n", []),
        ("uppercase", "00000000: 4A4B 4c4D                                JKLM\n", []),
        ("bits-refused", "00000000: 01000001  A\n", ["-b"]),
        ("little-endian-refused", "00000000: 44434241  ABCD\n", ["-e"]),
        ("include-refused", "0x41, 0x42\n", ["-i"]),
    ]

    @Test(arguments: reverseInputs.map(\.name))
    func reverseMatchesXXD(_ name: String) {
        let input = Self.reverseInputs.first { $0.name == name }!
        let directory = DumpTestSupport.makeDirectory("reverse-\(name)")
        DumpTestSupport.write(Array(input.text.utf8), to: directory + "/dump")
        let arguments = ["-r"] + input.options + ["dump"]

        // Standard output as a regular file (xxd seeks in it) ...
        let expected = DumpTestSupport.run(xxd, arguments, in: directory)
        let actual = DumpTestSupport.hexmapDump(arguments, in: directory)
        #expect(actual == expected, "\(name): \(firstDifference(actual.stdout, expected.stdout))")

        // ... and as a pipe (xxd writes zeros for gaps and cannot go back).
        let joined = arguments.joined(separator: " ")
        let expectedPipe = DumpTestSupport.shell("\(xxd) \(joined) | cat", in: directory)
        let actualPipe = DumpTestSupport.shell("\(hexmap) dump \(joined) | cat", in: directory)
        #expect(actualPipe.stdout == expectedPipe.stdout, "\(name) through a pipe")
    }

    @Test func patchesAnExistingFileInPlaceWithoutTruncatingIt() {
        let directory = DumpTestSupport.makeDirectory("patch")
        let original = (0..<256).map { UInt8($0) }
        // One line inside the file, one run that reaches 8 bytes past its end.
        let dump = "00000010: dead beef\n000000f8: 0102 0304 0506 0708 090a 0b0c 0d0e 0f10\n"
        DumpTestSupport.write(Array(dump.utf8), to: directory + "/dump")
        for tool in ["xxd", "hexmap"] { DumpTestSupport.write(original, to: directory + "/\(tool).bin") }

        let expected = DumpTestSupport.run(xxd, ["-r", "dump", "xxd.bin"], in: directory)
        let actual = DumpTestSupport.hexmapDump(["-r", "dump", "hexmap.bin"], in: directory)
        #expect(actual == expected)
        let patched = DumpTestSupport.read(directory + "/hexmap.bin")
        #expect(patched == DumpTestSupport.read(directory + "/xxd.bin"))
        #expect(patched?.count == 264)
        #expect(patched.map { Array($0[0x10..<0x14]) } == [0xde, 0xad, 0xbe, 0xef])
        #expect(patched.map { Array($0[0x14..<0xf8]) } == Array(original[0x14..<0xf8]))

        // A short dump into a long file changes only its bytes.
        DumpTestSupport.write(Array("00000000: 5858\n".utf8), to: directory + "/short")
        _ = DumpTestSupport.hexmapDump(["-r", "short", "hexmap.bin"], in: directory)
        #expect(DumpTestSupport.read(directory + "/hexmap.bin")?.count == 264)
        #expect(DumpTestSupport.read(directory + "/hexmap.bin")?.prefix(3) == [0x58, 0x58, 0x02])
    }

    @Test func reverseIntoANewFileCreatesIt() {
        let directory = DumpTestSupport.makeDirectory("newfile")
        DumpTestSupport.write(Array("00000004: 4142\n".utf8), to: directory + "/dump")
        let expected = DumpTestSupport.run(xxd, ["-r", "dump", "xxd.bin"], in: directory)
        let actual = DumpTestSupport.hexmapDump(["-r", "dump", "hexmap.bin"], in: directory)
        #expect(actual == expected)
        #expect(DumpTestSupport.read(directory + "/hexmap.bin") == [0, 0, 0, 0, 0x41, 0x42])
        #expect(DumpTestSupport.read(directory + "/hexmap.bin") == DumpTestSupport.read(directory + "/xxd.bin"))
    }

    @Test func malformedReverseLeavesTheFileUntouched() {
        let directory = DumpTestSupport.makeDirectory("malformed")
        let original = Array("precious contents".utf8)
        // The second line lands before the start of the file: xxd stops with status 5 there.
        DumpTestSupport.write(Array("00000010: 41\n00000000: 42\n".utf8), to: directory + "/backwards")
        // An offset no file can reach: refused before anything is written.
        DumpTestSupport.write(Array("00000000: 4142\n7fffffffffff0000: 43\n".utf8), to: directory + "/huge")
        let cases: [(dump: String, options: [String], status: Int32)] = [
            ("backwards", ["-s", "-8"], 5), ("huge", [], 5),
        ]
        for item in cases {
            DumpTestSupport.write(original, to: directory + "/target")
            let outcome = DumpTestSupport.hexmapDump(["-r"] + item.options + [item.dump, "target"], in: directory)
            #expect(outcome.status == item.status, "\(item.dump)")
            #expect(DumpTestSupport.read(directory + "/target") == original, "\(item.dump) left the file changed")
        }
        // xxd fails the same way, but only after writing the first line into its file.
        DumpTestSupport.write(original, to: directory + "/xxd-target")
        let xxdStatus = DumpTestSupport.run(xxd, ["-r", "-s", "-8", "backwards", "xxd-target"], in: directory).status
        #expect(xxdStatus == 5)
    }
}
