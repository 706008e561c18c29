import IOMMap
import TestSupport
import Testing

/// Sparse files (finding data, reserving room, making holes) and the advisory lock.
struct HoleAndLockTests {
    @Test func nextDataFindsTheDataBetweenHoles() throws {
        let file = TemporaryFile().createSparse(size: 8 << 20)
        let mapped = try MappedFile(path: file.path)
        #expect(try mapped.nextData(in: 0..<(8 << 20)) == nil)
        try mapped.write([9], at: 3 << 20)
        try mapped.sync()
        let data = try #require(try mapped.nextData(in: 0..<(8 << 20)))
        #expect(data.contains(3 << 20))
        #expect(data.lowerBound >= 2 << 20 && data.upperBound <= 4 << 20)
        #expect(try mapped.nextData(in: data.upperBound..<(8 << 20)) == nil)
        #expect(
            mapError { _ = try mapped.nextData(in: 0..<(9 << 20)) }
                == .outOfBounds(offset: 0, count: 9 << 20, size: 8 << 20))
        try mapped.close()
    }

    @Test func aPrivateMappingCountsEveryByteAsData() throws {
        let file = TemporaryFile().createSparse(size: 1 << 20)
        let mapped = try MappedFile(path: file.path, options: OpenOptions(sharing: .private))
        #expect(try mapped.nextData(in: 0..<(1 << 20)) == 0..<(1 << 20))
        try mapped.close()
    }

    @Test func largeReadsOfHolesReadZerosAndDataAsWritten() throws {
        let file = TemporaryFile().createSparse(size: 4 << 20)
        let mapped = try MappedFile(path: file.path)
        try mapped.write([1, 2, 3, 4], at: (2 << 20) - 2)
        let bytes = try mapped.read(at: 0, count: 4 << 20)
        #expect(bytes[(2 << 20) - 2..<(2 << 20) + 2] == [1, 2, 3, 4])
        #expect(bytes.reduce(0) { $0 + Int($1) } == 10)
        try mapped.close()
    }

    @Test func zeroMakesAHoleThatReadsAsZeros() throws {
        let file = TemporaryFile().create([UInt8](repeating: 0x41, count: 3 << 20))
        let mapped = try MappedFile(path: file.path)
        try mapped.zero(offset: 1 << 20, count: 1 << 20)
        try mapped.zero(offset: 10, count: 5)  // not page-aligned: the bytes are zeroed all the same
        let bytes = try mapped.read(at: 0, count: 3 << 20)
        #expect(bytes[10..<15].allSatisfy { $0 == 0 } && bytes[9] == 0x41 && bytes[15] == 0x41)
        #expect(bytes[(1 << 20)..<(2 << 20)].allSatisfy { $0 == 0 })
        #expect(bytes[(2 << 20)...].allSatisfy { $0 == 0x41 })
        #expect(file.bytes == bytes)
        let reader = try MappedFile(path: file.path, mode: .read)
        #expect(mapError { try reader.zero(offset: 0, count: 1) } == .accessDenied)
        try reader.close()
        try mapped.close()
    }

    @Test func aTruncationByAnotherProcessIsStillABusError() throws {
        let file = TemporaryFile().create([UInt8](repeating: 1, count: 1 << 20))
        let mapped = try MappedFile(path: file.path)
        file.truncateExternally(to: 4096)
        #expect(mapError { _ = try mapped.read(at: 8192, count: 8) } == .busError)
        #expect(mapError { try mapped.write([1], at: 1 << 19) } == .busError)
        try mapped.close()
    }

    @Test func theLockExcludesASecondHandleUntilItIsGivenUp() throws {
        let file = TemporaryFile().create([1, 2, 3])
        let first = try MappedFile(path: file.path)
        let second = try MappedFile(path: file.path, mode: .read)
        #expect(try first.tryLock())
        #expect(try !second.tryLock())
        try first.unlock()
        #expect(try second.tryLock())
        try second.close()  // closing gives the lock up
        #expect(try first.tryLock())
        #expect(try first.fileID() == (try MappedFile(path: file.path, mode: .read).fileID()))
        try first.close()
    }
}
