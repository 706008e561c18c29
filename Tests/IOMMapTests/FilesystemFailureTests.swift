import Foundation
import IOMMap
import Testing

/// Failures only a real filesystem gives: a full disk and a read-only mount.
/// They mount a small tmpfs, so they run where the tests run as root (CI does).
@Suite(.enabled(if: SmallFilesystem.canMount, "needs root and mount(8) to make a small tmpfs"))
struct FilesystemFailureTests {
    @Test func writingIntoAHoleOnAFullDiskIsABusErrorNotACrash() throws {
        let disk = try SmallFilesystem(kilobytes: 256)
        defer { disk.remove() }
        let path = disk.directory + "/sparse.dat"
        // Four MiB of holes on a 256 KiB disk: the pages get their blocks only when written.
        let mapped = try MappedFile(path: path, options: OpenOptions(create: true, size: 4 << 20))
        let chunk = [UInt8](repeating: 0xAB, count: 64 * 1024)
        var written = 0
        var failure: MapError?
        while written + chunk.count <= 4 << 20 {
            do {
                try mapped.write(chunk, at: written)
                written += chunk.count
            } catch {
                failure = error
                break
            }
        }
        #expect(failure == .busError)
        #expect(written >= 64 * 1024 && written < 4 << 20)
        #expect(try mapped.read(at: 0, count: chunk.count) == chunk)  // what fitted is intact
        try mapped.close()
    }

    @Test func aReadOnlyMountRefusesReadWriteOpensButMapsForReading() throws {
        let disk = try SmallFilesystem(kilobytes: 256)
        defer { disk.remove() }
        let path = disk.directory + "/data.bin"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(pattern(1000))))
        try disk.remountReadOnly()
        #expect(mapError { _ = try MappedFile(path: path) } == .system(operation: "open", errno: .readOnlyFileSystem))
        #expect(mapError { _ = try MappedFile(path: disk.directory + "/new.bin", options: OpenOptions(create: true)) } == .system(operation: "open", errno: .readOnlyFileSystem))
        let reader = try MappedFile(path: path, mode: .read)
        #expect(try reader.read(at: 0, count: 1000) == pattern(1000))
        try reader.close()
    }
}

/// A tmpfs of a few KiB mounted in a fresh directory.
struct SmallFilesystem {
    let directory: String

    static let canMount: Bool = {
        guard getuid() == 0, let probe = try? SmallFilesystem(kilobytes: 64) else { return false }
        probe.remove()
        return true
    }()

    init(kilobytes: Int) throws {
        let scratch = TemporaryFile()
        directory = scratch.directory + "-mount"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Self.run("/bin/mount", "-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", directory)
    }

    func remountReadOnly() throws {
        try Self.run("/bin/mount", "-o", "remount,ro", directory)
    }

    func remove() {
        try? Self.run("/bin/umount", directory)
        try? FileManager.default.removeItem(atPath: directory)
    }

    struct CommandFailed: Error {}

    private static func run(_ tool: String, _ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CommandFailed() }
    }
}
