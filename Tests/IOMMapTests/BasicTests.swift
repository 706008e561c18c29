import Foundation
import IOMMap
import TestSupport
import Testing

/// iommap's basic suite, in our words: open, read, write, sync, size, modes.
@Suite struct BasicTests {
    @Test func createWithSizeThenWriteAndReadBack() throws {
        let file = TemporaryFile()
        let mapped = try MappedFile(path: file.path, mode: .readWrite, options: OpenOptions(create: true, size: 4096))
        #expect(try mapped.size() == 4096)
        try mapped.write(Array("Hello, iommap!".utf8), at: 0)
        #expect(try mapped.read(at: 0, count: 14) == Array("Hello, iommap!".utf8))
        try mapped.sync()
        #expect(Array(file.bytes.prefix(14)) == Array("Hello, iommap!".utf8))
        #expect(file.sizeOnDisk == 4096)
        try mapped.close()
    }

    @Test func openExistingFileSeesItsBytes() throws {
        let file = TemporaryFile().create(pattern(100))
        let mapped = try MappedFile(path: file.path, mode: .read)
        #expect(try mapped.size() == 100)
        #expect(try mapped.read(at: 0, count: 100) == pattern(100))
        #expect(try mapped.read(at: 100, count: 0) == [])
    }

    @Test func writesAtZeroAndAtHundredReachTheFile() throws {
        let file = TemporaryFile().create([UInt8](repeating: 0, count: 200))
        let mapped = try MappedFile(path: file.path)
        try mapped.write([1, 2, 3], at: 0)
        try mapped.write([9, 8, 7], at: 100)
        try mapped.sync()
        let disk = file.bytes
        #expect(Array(disk[0..<3]) == [1, 2, 3])
        #expect(Array(disk[100..<103]) == [9, 8, 7])
    }

    @Test(arguments: [SyncMode.sync, .async])
    func syncModesSucceedAndPersist(mode: SyncMode) throws {
        let file = TemporaryFile().create([UInt8](repeating: 0, count: 8192))
        let mapped = try MappedFile(path: file.path)
        try mapped.write([0xAB], at: 5000)
        try mapped.sync(mode)
        try mapped.sync(offset: 4999, count: 3, mode)  // unaligned: rounded to pages, not rejected
        #expect(file.bytes[5000] == 0xAB)
    }

    @Test func readOnlyHandleRefusesWritesAndLeavesTheFileAlone() throws {
        let file = TemporaryFile().create(pattern(64))
        let mapped = try MappedFile(path: file.path, mode: .read)
        #expect(mapError { try mapped.write([1], at: 0) } == .accessDenied)
        #expect(mapError { try mapped.fill(0, at: 0, count: 4) } == .accessDenied)
        #expect(mapError { try mapped.resize(to: 10) } == .accessDenied)
        try mapped.sync()  // a successful no-op
        #expect(file.bytes == pattern(64))
    }

    @Test func writeOnlyHandleRefusesReadsButWrites() throws {
        let file = TemporaryFile().create(pattern(64))
        let mapped = try MappedFile(path: file.path, mode: .write)
        #expect(mapError { _ = try mapped.read(at: 0, count: 1) } == .accessDenied)
        #expect(mapError { _ = try mapped.region(at: 0, count: 1) } == .accessDenied)
        try mapped.write([0xEE], at: 3)
        try mapped.sync()
        #expect(file.bytes[3] == 0xEE)
    }

    @Test func privateWritesNeverReachTheFile() throws {
        let file = TemporaryFile().create(pattern(64))
        let mapped = try MappedFile(path: file.path, options: OpenOptions(sharing: .private))
        try mapped.write([0, 0, 0, 0], at: 0)
        #expect(try mapped.read(at: 0, count: 4) == [0, 0, 0, 0])
        try mapped.sync()
        try mapped.close()
        #expect(file.bytes == pattern(64))
    }

    @Test func privateOpenWorksOnAFileWithoutWritePermission() throws {
        let file = TemporaryFile().create(pattern(32))
        chmod(file.path, 0o444)
        let mapped = try MappedFile(path: file.path, options: OpenOptions(sharing: .private))
        try mapped.write([7], at: 0)
        #expect(try mapped.read(at: 0, count: 1) == [7])
        #expect(file.bytes == pattern(32))
    }

    @Test func fillMoveFindAndCompare() throws {
        let file = TemporaryFile().create(Array("0123456789abcdef".utf8))
        let mapped = try MappedFile(path: file.path)
        try mapped.fill(0x2E, at: 2, count: 3)
        #expect(try mapped.read(at: 0, count: 6) == Array("01...5".utf8))
        try mapped.move(from: 10, to: 12, count: 4)  // overlapping, like memmove
        #expect(try mapped.read(at: 10, count: 6) == Array("ababcd".utf8))
        #expect(try mapped.find(Array("ab".utf8), in: 0..<16) == 10)
        #expect(try mapped.findLast(Array("ab".utf8), in: 0..<16) == 12)
        #expect(try mapped.find(Array("ab".utf8), in: 13..<16) == nil)
        #expect(try mapped.find(Array("cd".utf8), in: 14..<16) == 14)  // a match ending exactly at the end
        #expect(try mapped.find(Array("zz".utf8), in: 0..<16) == nil)
        #expect(try mapped.compare(Array("ab".utf8), at: 12) == 0)
        #expect(try mapped.compare(Array("ac".utf8), at: 12) == -1)
        #expect(mapError { _ = try mapped.find([], in: 0..<16) } == .invalidArgument("the search pattern is empty"))
        #expect(mapError { _ = try mapped.find([1], in: 0..<17) } == .outOfBounds(offset: 0, count: 17, size: 16))
    }

    @Test func filePathOverloadAndProperties() throws {
        let file = TemporaryFile().create(pattern(10))
        let mapped = try MappedFile(path: file.path, mode: .read, options: OpenOptions(sharing: .private))
        #expect(mapped.path == file.path)
        #expect(mapped.mode == .read)
        #expect(mapped.sharing == .private)
        #expect(MappedFile.pageSize == Int(sysconf(Int32(_SC_PAGESIZE))))
    }
}
