import Foundation
import TestSupport
import Testing

/// `hexmap dump` of sparse files on tmpfs, where touching a hole's page allocates it: the dump
/// must leave the file sparse (as xxd does) and must work on a tmpfs smaller than the file.
@Suite(.enabled(if: SmallFilesystem.canMount, "needs root and mount(8) to make a small tmpfs"))
struct DumpSparseFileTests {
    /// Blocks of every kind: a whole 1 MiB block, a short last block (below IOMMap's
    /// hole-skipping size), short reads from -l and -s, and the non-parallel styles.
    static let optionSets: [[String]] = [
        [], ["-a"], ["-p"], ["-i"], ["-c", "7"], ["-l", "100"], ["-s", "-100"], ["-s", "0x100000", "-l", "5000"],
    ]

    /// 2 MiB and a bit of holes, with a few bytes of data inside the short last block.
    func makeSparseFile(at path: String) throws {
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, off_t((2 << 20) + 40_000)) == 0)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seek(toOffset: UInt64((2 << 20) + 20_000))
        try handle.write(contentsOf: Data("data between holes".utf8))
        try handle.close()
    }

    @Test(arguments: optionSets)
    func dumpingLeavesTheFileSparse(_ options: [String]) throws {
        let disk = try SmallFilesystem(kilobytes: 512)
        defer { disk.remove() }
        let path = disk.directory + "/sparse"
        try makeSparseFile(at: path)
        let usedBefore = disk.usedKilobytes
        let work = DumpTestSupport.makeDirectory("sparse-\(options.joined())")

        let hexmap = DumpTestSupport.hexmapDump(options + [path], in: work)
        let xxd = DumpTestSupport.run(DumpTestSupport.xxd, options + [path], in: work)
        #expect(hexmap == xxd, "\(options): \(firstDifference(hexmap.stdout, xxd.stdout))")
        #expect(disk.usedKilobytes == usedBefore, "\(options): the dump allocated the file's holes")
    }

    /// The tmpfs is full before the dump starts: reading a hole through the mapping would fail
    /// with ENOSPC (which an older dump reported as "the file shrank under the mapping").
    @Test(arguments: optionSets)
    func dumpingWorksOnAFullFilesystem(_ options: [String]) throws {
        let disk = try SmallFilesystem(kilobytes: 256)
        defer { disk.remove() }
        let path = disk.directory + "/sparse"
        try makeSparseFile(at: path)
        let filled = DumpTestSupport.shell("cat /dev/zero > \(disk.directory)/fill 2>/dev/null", in: disk.directory)
        #expect(filled.status != 0, "the filler must have filled the disk")
        let work = DumpTestSupport.makeDirectory("sparse-full-\(options.joined())")

        let hexmap = DumpTestSupport.hexmapDump(options + [path], in: work)
        let xxd = DumpTestSupport.run(DumpTestSupport.xxd, options + [path], in: work)
        #expect(hexmap == xxd, "\(options): \(firstDifference(hexmap.stdout, xxd.stdout))")
        #expect(hexmap.status == 0)
    }
}
