import Foundation
import TestSupport
import Testing

/// `hexmap dump` against the real `/usr/bin/xxd`: same standard output, byte for byte, and the
/// same exit status, for every option the dump supports, on every fixture.
@Suite struct DumpDifferentialTests {
    static let fixtures: String = {
        let directory = DumpTestSupport.makeDirectory("fixtures")
        DumpFixtures.create(in: directory)
        return directory
    }()

    /// Option sets, each a separate test case; they cover every listed option, xxd's number forms
    /// and spellings, combinations, and values xxd refuses.
    static let optionSets: [[String]] = [
        [],
        // -s: absolute, hex, octal, negative from the end, +relative, beyond the end, too far back
        ["-s", "5"], ["-s", "0x10"], ["-s", "010"], ["-s", "-20"], ["-s", "-0x11"], ["-s", "+3"],
        ["-s", "+0"], ["-s", "0"], ["-s", "100000000"], ["-s", "-100000000"], ["-s", "+-3"], ["-s16"],
        // -l
        ["-l", "100"], ["-l", "0x20"], ["-l", "0"], ["-l", "-5"], ["-len", "17"], ["-l15"],
        // -c and -g
        ["-c", "8"], ["-c16"], ["-c", "7"], ["-c", "1"], ["-c", "256"], ["-c", "0"], ["-c", "300"], ["-c", "-1"],
        ["-cols", "20"], ["-g", "1"], ["-g", "3"], ["-g", "8"], ["-g", "0"], ["-g", "16"], ["-c", "10", "-g", "4"],
        // a negative -g is xxd's "not given": the style's default group
        ["-g", "-1"], ["-g-1"], ["-g", "-5"], ["-c", "3", "-g", "-9"], ["-e", "-g", "-3"],
        ["-e", "-c", "6", "-g", "-1"], ["-b", "-g", "-2"],
        // -u -p -i
        ["-u"], ["-p"], ["-ps"], ["-p", "-c", "7"], ["-p", "-c", "0"], ["-p", "-u", "-c", "300"], ["-plain"],
        ["-i"], ["-i", "-c", "5"], ["-i", "-n", "blob", "-C"], ["-i", "-u"], ["-i", "-C"], ["-i", "-c", "0"],
        ["-i", "-n", "9lives.bin"], ["-include", "-capitalize"],
        // -e and -b
        ["-e"], ["-e", "-g", "2"], ["-e", "-g", "8"], ["-e", "-c", "10"], ["-e", "-c", "3"], ["-e", "-g", "3"],
        ["-e", "-u", "-c", "24", "-g", "8"], ["-b"], ["-b", "-c", "4", "-g", "2"], ["-b", "-c", "8"],
        ["-bits", "-a"],
        // -a -o -d -E
        ["-a"], ["-a", "-c", "8"], ["-a", "-a"], ["-a", "-s", "0x30", "-l", "0x1000"], ["-a", "-e"],
        ["-o", "0x100"], ["-o", "-5"], ["-o0x10"], ["-o", "+16", "-s", "4"], ["-d"], ["-d", "-s", "10", "-c", "7"],
        ["-d", "-o", "-100"], ["-E"], ["-E", "-u", "-g", "4"],
        // later style flags win; -- ends options
        ["-b", "-p"], ["-p", "-i"], ["-i", "-e"], ["--autoskip", "-c", "4"], ["-l", "20", "--"],
        // refused
        ["-x"], ["-c"], ["-h"],
    ]

    /// The option sets also run on the 1 MiB file: each listed option once, to keep the suite quick.
    static let largeFileOptionSets: Set<[String]> = [
        [], ["-s", "-20"], ["-s", "+3"], ["-l", "0x20"], ["-c", "7"], ["-g", "3"], ["-u"], ["-p"], ["-p", "-c", "0"],
        ["-i"], ["-e"], ["-b"], ["-a"], ["-o", "0x100"], ["-d"], ["-E"], ["-c", "256"],
    ]

    @Test(arguments: optionSets)
    func fileInputMatchesXXD(_ options: [String]) {
        let names = Self.largeFileOptionSets.contains(options) ? DumpFixtures.names : DumpFixtures.small
        for name in names {
            let xxd = DumpTestSupport.run(DumpTestSupport.xxd, options + [name], in: Self.fixtures)
            let hexmap = DumpTestSupport.hexmapDump(options + [name], in: Self.fixtures)
            #expect(hexmap.status == xxd.status, "\(options) \(name): exit status")
            #expect(hexmap.stdout == xxd.stdout, "\(options) \(name): \(firstDifference(hexmap.stdout, xxd.stdout))")
        }
    }

    static let stdinOptionSets: [[String]] = [
        [], ["-i"], ["-s", "5"], ["-s", "-5"], ["-s", "+3", "-l", "9"], ["-a", "-p"],
    ]

    /// Standard input, as `-` and as a missing FILE, both redirected from a file and through a pipe.
    @Test(arguments: stdinOptionSets)
    func standardInputMatchesXXD(_ options: [String]) {
        for name in ["empty", "seventeen", "zeroruns", "text"] {
            let path = Self.fixtures + "/" + name
            let xxd = DumpTestSupport.run(DumpTestSupport.xxd, options, stdinPath: path, in: Self.fixtures)
            let dash = DumpTestSupport.hexmapDump(options + ["-"], stdinPath: path, in: Self.fixtures)
            let none = DumpTestSupport.hexmapDump(options, stdinPath: path, in: Self.fixtures)
            #expect(dash == xxd, "\(options) - < \(name)")
            #expect(none == xxd, "\(options) < \(name)")

            let joined = options.joined(separator: " ")
            let xxdPipe = DumpTestSupport.shell("cat \(name) | \(DumpTestSupport.xxd) \(joined)", in: Self.fixtures)
            let hexmapPipe = DumpTestSupport.shell(
                "cat \(name) | \(DumpTestSupport.hexmap) dump \(joined)", in: Self.fixtures)
            #expect(hexmapPipe == xxdPipe, "cat \(name) | dump \(options)")
        }
    }

    @Test(arguments: ["-h", "-help", "--help"]) func helpPrintsTheUsageAloneLikeXXD(option: String) {
        for tool in ["'\(DumpTestSupport.xxd)'", "'\(DumpTestSupport.hexmap)' dump"] {
            let run = DumpTestSupport.shell("\(tool) \(option) 2>&1 >/dev/null | head -1", in: Self.fixtures)
            #expect(String(decoding: run.stdout, as: UTF8.self) == "Usage:\n", "\(tool) \(option)")
        }
        #expect(DumpTestSupport.hexmapDump(["-h"], in: Self.fixtures).status == 1)
    }

    @Test func missingAndUnreadableInputsFailLikeXXD() {
        for arguments in [["/nonexistent/file"], ["-i", "/nonexistent/file"], ["/"], ["-r", "/nonexistent"]] {
            let xxd = DumpTestSupport.run(DumpTestSupport.xxd, arguments, in: Self.fixtures)
            let hexmap = DumpTestSupport.hexmapDump(arguments, in: Self.fixtures)
            #expect(hexmap == xxd, "\(arguments)")
            #expect(hexmap.status != 0)
        }
    }

    /// Inputs of several blocks, read from the mapping and through a pipe, with options that end
    /// blocks in the middle of a line.
    @Test func multiBlockInputsMatchXXD() {
        let directory = DumpTestSupport.makeDirectory("multiblock")
        var generator = SplitMix64(seed: 3)
        var bytes = (0..<(3 << 20) + 123).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        bytes.replaceSubrange(1_000_000..<1_300_000, with: repeatElement(0, count: 300_000))
        DumpTestSupport.write(bytes, to: directory + "/big")
        for options in [[], ["-c", "7"], ["-s", "100", "-l", "2100000"], ["-a"], ["-p"]] {
            let xxd = DumpTestSupport.run(DumpTestSupport.xxd, options + ["big"], in: directory)
            let hexmap = DumpTestSupport.hexmapDump(options + ["big"], in: directory)
            #expect(hexmap == xxd, "\(options): \(firstDifference(hexmap.stdout, xxd.stdout))")
            let piped = DumpTestSupport.shell(
                "cat big | \(DumpTestSupport.hexmap) dump \(options.joined(separator: " "))", in: directory)
            #expect(piped.stdout == xxd.stdout, "cat big | dump \(options)")
        }
    }

    /// /proc files report size 0 but have content: they must be read, not mapped as empty.
    @Test func procFilesAreReadLikeXXD() {
        for arguments in [["/proc/version"], ["-p", "/proc/version"], ["-s", "4", "-l", "20", "/proc/version"]] {
            let xxd = DumpTestSupport.run(DumpTestSupport.xxd, arguments, in: Self.fixtures)
            let hexmap = DumpTestSupport.hexmapDump(arguments, in: Self.fixtures)
            #expect(hexmap == xxd, "\(arguments)")
            #expect(!hexmap.stdout.isEmpty)
        }
    }

    @Test func outputFileIsWrittenLikeXXD() {
        let directory = DumpTestSupport.makeDirectory("outfile")
        DumpTestSupport.write(DumpFixtures.bytes("text"), to: directory + "/in")
        DumpTestSupport.write(Array("old content that must go".utf8), to: directory + "/xxd.out")
        DumpTestSupport.write(Array("old content that must go".utf8), to: directory + "/hexmap.out")
        let xxd = DumpTestSupport.run(DumpTestSupport.xxd, ["-c", "8", "in", "xxd.out"], in: directory)
        let hexmap = DumpTestSupport.hexmapDump(["-c", "8", "in", "hexmap.out"], in: directory)
        #expect(hexmap == xxd)
        #expect(DumpTestSupport.read(directory + "/hexmap.out") == DumpTestSupport.read(directory + "/xxd.out"))
        #expect(DumpTestSupport.read(directory + "/hexmap.out")?.isEmpty == false)
    }
}

/// Where two outputs first differ, with a little context, for readable failures.
func firstDifference(_ lhs: [UInt8], _ rhs: [UInt8]) -> String {
    guard lhs != rhs else { return "identical" }
    let index = zip(lhs, rhs).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(lhs.count, rhs.count)
    let lineStart = (lhs[..<min(index, lhs.count)].lastIndex(of: 10)).map { $0 + 1 } ?? 0
    func excerpt(_ bytes: [UInt8]) -> String {
        let slice = bytes[min(lineStart, bytes.count)..<min(index + 40, bytes.count)]
        return String(decoding: slice, as: UTF8.self).debugDescription
    }
    return "differ at byte \(index) (sizes \(lhs.count) vs \(rhs.count)): hexmap \(excerpt(lhs)) xxd \(excerpt(rhs))"
}
