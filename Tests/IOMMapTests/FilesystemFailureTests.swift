import Foundation
import IOMMap
import TestSupport
import Testing

/// Failures only a real filesystem gives: a full disk and a read-only mount.
/// They mount a small tmpfs, so they run where the tests run as root (CI does).
@Suite(.enabled(if: SmallFilesystem.canMount, "needs root and mount(8) to make a small tmpfs"))
struct FilesystemFailureTests {
    @Test func writingIntoAHoleOnAFullDiskSaysNoSpaceNotTruncation() throws {
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
        // The file still covers the page: this is a full disk, not another process's truncation.
        #expect(failure == .system(operation: "page fault", errno: .noSpace))
        #expect(written >= 64 * 1024 && written < 4 << 20)
        #expect(try mapped.read(at: 0, count: chunk.count) == chunk)  // what fitted is intact
        try mapped.close()
    }

    @Test func largeReadsOfASparseFileLeaveItsHolesUnallocated() throws {
        let disk = try SmallFilesystem(kilobytes: 1024)
        defer { disk.remove() }
        let path = disk.directory + "/sparse.dat"
        // 64 MiB of holes on a 1 MiB tmpfs, with a little data in the middle.
        let mapped = try MappedFile(path: path, options: OpenOptions(create: true, size: 64 << 20))
        try mapped.write([1, 2, 3], at: 32 << 20)
        var buffer = [UInt8](repeating: 0xFF, count: 1 << 20)
        var sum = 0
        for block in 0..<64 {
            try buffer.withUnsafeMutableBytes { try mapped.read(into: $0, at: block << 20) }
            sum += buffer.reduce(0) { $0 + Int($1) }
        }
        #expect(sum == 6)
        #expect(try mapped.nextData(in: 0..<(64 << 20)).map { $0.contains(32 << 20) } == true)
        #expect(disk.usedKilobytes < 512)  // a page or two, not 64 MiB
        try mapped.close()
    }

    @Test func allocateReportsAFullDiskBeforeAnyByteChanges() throws {
        let disk = try SmallFilesystem(kilobytes: 256)
        defer { disk.remove() }
        let path = disk.directory + "/sparse.dat"
        let mapped = try MappedFile(path: path, options: OpenOptions(create: true, size: 4 << 20))
        #expect(
            mapError { try mapped.allocate(offset: 0, count: 4 << 20) }
                == .system(operation: "fallocate", errno: .noSpace))
        #expect(try mapped.allocate(offset: 0, count: 64 << 10))
        try mapped.write([UInt8](repeating: 7, count: 64 << 10), at: 0)  // reserved: cannot fail
        try mapped.zero(offset: 0, count: 64 << 10)  // a hole again: the blocks come back
        #expect(try mapped.read(at: 0, count: 64 << 10).allSatisfy { $0 == 0 })
        #expect(try mapped.nextData(in: 0..<(4 << 20)) == nil)
        try mapped.close()
    }

    @Test func aReadOnlyMountRefusesReadWriteOpensButMapsForReading() throws {
        let disk = try SmallFilesystem(kilobytes: 256)
        defer { disk.remove() }
        let path = disk.directory + "/data.bin"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(pattern(1000))))
        try disk.remountReadOnly()
        #expect(mapError { _ = try MappedFile(path: path) } == .system(operation: "open", errno: .readOnlyFileSystem))
        #expect(
            mapError { _ = try MappedFile(path: disk.directory + "/new.bin", options: OpenOptions(create: true)) }
                == .system(operation: "open", errno: .readOnlyFileSystem))
        let reader = try MappedFile(path: path, mode: .read)
        #expect(try reader.read(at: 0, count: 1000) == pattern(1000))
        try reader.close()
    }
}
