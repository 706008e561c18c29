import Foundation
import TestSupport
import Testing

/// The file `hexmap dump` writes: a new one appears under its name only when complete, whatever
/// fails on the way (xxd leaves it empty or half-written); an existing one that `-r` patches is
/// either fully patched or exactly as it was.
@Suite struct DumpOutputFileTests {
    let hexmap = DumpTestSupport.hexmap
    let xxd = DumpTestSupport.xxd

    /// The names in `directory` (hidden ones too), without the test helper's capture files.
    static func listing(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { !$0.hasPrefix("stdout-") }.sorted()
    }

    @Test func failedRunsLeaveNoNewFile() {
        let directory = DumpTestSupport.makeDirectory("no-new-file")
        DumpTestSupport.write(Array("00000010: 41\n00000000: 42\n".utf8), to: directory + "/backwards")
        DumpTestSupport.write(Array("00000000: 4142\n7fffffffffff0000: 43\n".utf8), to: directory + "/huge")
        DumpTestSupport.write(DumpFixtures.bytes("text"), to: directory + "/in")
        let cases: [(arguments: [String], status: Int32)] = [
            (["-r", "-s", "-8", "backwards"], 5),  // bytes written, then a seek before the start
            (["-r", "huge"], 5),  // an offset no file can reach, after a first line
            (["-r", "-b", "backwards"], 255),  // a style -r cannot read
            (["-s", "-100000000", "in"], 4),  // a seek before the start of the input
            (["/"], 2),  // an input that cannot be read
        ]
        // The statuses are xxd's; xxd itself leaves the file behind (and on `huge` writes zeros forever).
        for item in cases {
            let outcome = DumpTestSupport.hexmapDump(item.arguments + ["new.out"], in: directory)
            #expect(outcome.status == item.status, "\(item.arguments)")
            #expect(Self.listing(directory) == ["backwards", "huge", "in"], "\(item.arguments) left a file")
        }
    }

    @Test func completeRunsCreateTheFileAsXXDDoes() throws {
        let directory = DumpTestSupport.makeDirectory("new-file")
        DumpTestSupport.write(DumpFixtures.bytes("zeroruns"), to: directory + "/in")
        _ = DumpTestSupport.run(xxd, ["in", "dump"], in: directory)
        let runs: [(arguments: [String], output: String)] = [(["in"], "text"), (["-r", "dump"], "bytes")]
        for run in runs {
            let expected = DumpTestSupport.run(xxd, run.arguments + ["xxd-" + run.output], in: directory)
            let actual = DumpTestSupport.hexmapDump(run.arguments + [run.output], in: directory)
            #expect(actual == expected)
            let (ours, theirs) = (directory + "/" + run.output, directory + "/xxd-" + run.output)
            #expect(DumpTestSupport.read(ours) == DumpTestSupport.read(theirs))
            let mode = try FileManager.default.attributesOfItem(atPath: ours)[.posixPermissions]
            let xxdMode = try FileManager.default.attributesOfItem(atPath: theirs)[.posixPermissions]
            #expect(mode as? Int == xxdMode as? Int, "a new file gets the mode xxd gives it")
        }
        #expect(DumpTestSupport.read(directory + "/bytes") == DumpFixtures.bytes("zeroruns"))
        let names = ["bytes", "dump", "in", "text", "xxd-bytes", "xxd-text"]
        #expect(Self.listing(directory) == names, "no temporary file is left")
    }
}

/// The same on a small tmpfs: a disk that fills and a file system mounted read-only.
@Suite(.enabled(if: SmallFilesystem.canMount, "needs root and mount(8) to make a small tmpfs"))
struct DumpOutputFilesystemTests {
    let hexmap = DumpTestSupport.hexmap

    /// Standard error of `hexmap dump ARGS`, and the exit status.
    func errorOutput(_ arguments: [String], in directory: String) -> (message: String, status: Int32) {
        let words = arguments.map { "'\($0)'" }.joined(separator: " ")
        let outcome = DumpTestSupport.shell("\(hexmap) dump \(words) 2>&1 >/dev/null", in: directory)
        return (String(decoding: outcome.stdout, as: UTF8.self), outcome.status)
    }

    func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }

    @Test func aFullDiskLeavesNoNewFile() throws {
        let disk = try SmallFilesystem(kilobytes: 256)
        defer { disk.remove() }
        let work = DumpTestSupport.makeDirectory("full-disk-new")
        DumpTestSupport.write(randomBytes(512 << 10, seed: 1), to: work + "/big")
        _ = DumpTestSupport.run(DumpTestSupport.xxd, ["big", "big.dump"], in: work)

        for arguments in [["-r", "big.dump", disk.directory + "/bytes"], ["big", disk.directory + "/text"]] {
            let (message, status) = errorOutput(arguments, in: work)
            #expect(status == 3, "\(arguments)")
            #expect(message.lowercased().contains("no space left on device"), "\(arguments): \(message)")
            #expect(DumpOutputFileTests.listing(disk.directory).isEmpty, "\(arguments) left a file")
            #expect(disk.usedKilobytes == 0, "\(arguments): its blocks were given back")
        }
    }

    /// A patch that fits where the file has blocks but not where it grows: it must fail before
    /// it changes a byte (an older dump wrote the first part, grew the file and stopped).
    @Test func aFullDiskLeavesAnExistingFileAsItWas() throws {
        let disk = try SmallFilesystem(kilobytes: 1024)
        defer { disk.remove() }
        let work = DumpTestSupport.makeDirectory("full-disk-existing")
        let original = randomBytes(256 << 10, seed: 2)
        let target = disk.directory + "/target"
        DumpTestSupport.write(original, to: target)
        DumpTestSupport.write(randomBytes(64 << 10, seed: 3), to: work + "/head")
        DumpTestSupport.write(randomBytes(512 << 10, seed: 4), to: work + "/tail")
        // 64 KiB over the start of the file, then 512 KiB at 1 MiB: more than the disk has left.
        let made = DumpTestSupport.shell(
            "\(DumpTestSupport.xxd) head > patch && \(DumpTestSupport.xxd) -o 0x100000 tail >> patch", in: work)
        #expect(made.status == 0)
        // About 180 KiB stay free: enough for nothing that needs new blocks at 1 MiB.
        DumpTestSupport.write([UInt8](repeating: 0x5a, count: 600_000), to: disk.directory + "/fill")

        let (message, status) = errorOutput(["-r", "patch", target], in: work)
        #expect(status == 3)
        #expect(message.contains("no space left on device"), "\(message)")
        #expect(!message.contains("shrank"), "a full disk is not a truncation: \(message)")
        #expect(DumpTestSupport.read(target) == original, "the file is byte-identical, size included")
    }

    @Test func aReadOnlyFilesystemChangesNothing() throws {
        let disk = try SmallFilesystem(kilobytes: 256)
        defer { disk.remove() }
        let work = DumpTestSupport.makeDirectory("read-only")
        let original = randomBytes(1000, seed: 5)
        DumpTestSupport.write(original, to: disk.directory + "/existing")
        DumpTestSupport.write(Array("00000000: 4142\n".utf8), to: work + "/dump")
        try disk.remountReadOnly()

        for arguments in [
            ["-r", "dump", disk.directory + "/new"], ["-r", "dump", disk.directory + "/existing"],
            ["dump", disk.directory + "/new"],
        ] {
            let (_, status) = errorOutput(arguments, in: work)
            #expect(status == 3, "\(arguments)")
        }
        #expect(DumpOutputFileTests.listing(disk.directory) == ["existing"])
        #expect(DumpTestSupport.read(disk.directory + "/existing") == original)
    }
}
