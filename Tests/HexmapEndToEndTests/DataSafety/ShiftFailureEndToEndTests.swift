import Foundation
import TestSupport
import Testing

/// A failed insert or delete leaves the file as it was: on a full file system, and when
/// another process cuts the file in the middle of the shift (then exactly its survivors,
/// unshifted, and the message says which bytes are gone).
@Suite(.serialized) struct ShiftFailureEndToEndTests {
    @Test(.enabled(if: SmallFilesystem.canMount, "needs root to mount a small tmpfs"))
    func anInsertOnAFullFileSystemChangesNothing() throws {
        let disk = try SmallFilesystem(kilobytes: 1024)
        defer { disk.remove() }
        let path = disk.directory + "/f"
        var generator = SplitMix64(seed: 1)
        let original = (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        _ = FileManager.default.createFile(atPath: path, contents: Data(original))
        let result = try HeadlessRun.hexmap([path, "-c", "insert 0 \"0123456789\""])
        #expect(result.status == 1)
        #expect(result.err.contains("no space left on device"), "\(result.err)")
        #expect(result.err.contains("nothing changed"), "\(result.err)")
        #expect(same(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))), original))
    }

    @Test(.enabled(if: SmallFilesystem.canMount, "needs root to mount a small tmpfs"))
    func aFillOfHolesOnAFullFileSystemGivesItsSpaceBack() throws {
        let disk = try SmallFilesystem(kilobytes: 1024)
        defer { disk.remove() }
        let path = disk.directory + "/sparse"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        truncate(path, 64 << 20)
        let used = disk.usedKilobytes
        let result = try HeadlessRun.hexmap([path, "-c", "fill 0 32m 41"])
        #expect(result.status == 1)
        #expect(result.err.contains("no space left on device"), "\(result.err)")
        #expect(disk.usedKilobytes <= used + 64, "the rolled-back fill leaves holes, not blocks of zeros")
        let check = try HeadlessRun.tool("cmp", ["-n", "\(64 << 20)", path, "/dev/zero"])
        #expect(check.status == 0)
    }

    /// Another process cuts the file while hexmap shifts its tail, at increasing delays until
    /// one cut lands in the middle; each outcome must keep the bytes below the cut unshifted.
    @Test(arguments: ["insert 0 \"XY\"", "delete 0 2"])
    func aCutInTheMiddleOfAShiftLeavesTheSurvivorsUnshifted(command: String) throws {
        let file = TemporaryFile([])
        try HeadlessRun.tool("sh", ["-c", "head -c 268435456 /dev/urandom > '\(file.path)'"]).expectSuccess()
        let copy = file.path + ".before"
        var landed = false
        for delay in [20_000, 60_000, 120_000, 200_000, 300_000, 450_000] where !landed {
            try? FileManager.default.removeItem(atPath: copy)
            try FileManager.default.copyItem(atPath: file.path, toPath: copy)
            let run = try BackgroundProcess(hexmapExecutable().path, [file.path, "-c", command], captureOutput: true)
            usleep(useconds_t(delay))
            truncate(file.path, 64 << 20)
            #expect(run.wait(timeout: 60))
            let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? -1
            if run.exitStatus == 1 {
                landed = landed || run.standardError.contains("another process")
                #expect(size <= 64 << 20)
                let prefix = try HeadlessRun.tool("cmp", ["-n", "\(size)", copy, file.path])
                #expect(prefix.status == 0, "the survivors are the original's first \(size) bytes: \(prefix.out)")
            }
            // Restore a full file for the next delay.
            try FileManager.default.removeItem(atPath: file.path)
            try FileManager.default.copyItem(atPath: copy, toPath: file.path)
        }
        #expect(landed, "no cut landed in the middle of the shift")
    }
}

extension ProcessResult {
    func expectSuccess() throws {
        guard status == 0 else { throw CommandFailed(description: "exit \(status): \(err)") }
    }
}

/// Whether two byte arrays are equal, without printing megabytes when they are not.
func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    a == b
}
