import Foundation
import IOMMap
import TestSupport
import Testing

/// iommap's edge suite and CPython's bounds themes: every boundary, every call after close, bad arguments.
@Suite struct EdgeTests {
    @Test func readsAndWritesAtEveryBoundary() throws {
        let file = TemporaryFile().create(pattern(100))
        let mapped = try MappedFile(path: file.path)
        #expect(try mapped.read(at: 0, count: 1) == [pattern(100)[0]])
        #expect(try mapped.read(at: 99, count: 1) == [pattern(100)[99]])
        #expect(try mapped.read(at: 100, count: 0) == [])
        #expect(mapError { _ = try mapped.read(at: 100, count: 1) } == .outOfBounds(offset: 100, count: 1, size: 100))
        #expect(mapError { _ = try mapped.read(at: 101, count: 0) } == .outOfBounds(offset: 101, count: 0, size: 100))
        #expect(mapError { _ = try mapped.read(at: 90, count: 20) } == .outOfBounds(offset: 90, count: 20, size: 100))
        #expect(mapError { try mapped.write([1], at: 100) } == .outOfBounds(offset: 100, count: 1, size: 100))
        #expect(mapError { try mapped.write(pattern(20), at: 90) } == .outOfBounds(offset: 90, count: 20, size: 100))
        try mapped.write([0xFF], at: 99)
        #expect(try mapped.size() == 100)  // a write never grows the file
        #expect(file.sizeOnDisk == 100)
    }

    @Test func hugeAndNegativeArgumentsAreErrorsNotTraps() throws {
        let file = TemporaryFile().create(pattern(100))
        let mapped = try MappedFile(path: file.path)
        let bad: [(Int, Int)] = [(-1, 1), (0, -1), (Int.max, 1), (1, Int.max), (Int.min, 0), (50, Int.max - 10)]
        for (offset, count) in bad {
            #expect(
                mapError { _ = try mapped.read(at: offset, count: count) }
                    == .outOfBounds(offset: offset, count: count, size: 100))
            #expect(
                mapError { try mapped.fill(1, at: offset, count: count) }
                    == .outOfBounds(offset: offset, count: count, size: 100))
            #expect(
                mapError { _ = try mapped.region(at: offset, count: count) }
                    == .outOfBounds(offset: offset, count: count, size: 100))
            #expect(
                mapError { try mapped.sync(offset: offset, count: count) }
                    == .outOfBounds(offset: offset, count: count, size: 100))
            #expect(
                mapError { try mapped.advise(.normal, offset: offset, count: count) }
                    == .outOfBounds(offset: offset, count: count, size: 100))
        }
        #expect(
            mapError { try mapped.move(from: 0, to: 95, count: 10) } == .outOfBounds(offset: 95, count: 10, size: 100))
        #expect(
            mapError { _ = try mapped.find([1], in: -1..<Int.max) }
                == .outOfBounds(offset: -1, count: Int.max, size: 100))
        #expect(
            mapError { _ = try mapped.findLast([1], in: 50..<101) } == .outOfBounds(offset: 50, count: 51, size: 100))
        #expect(mapError { try mapped.resize(to: -1) } == .invalidArgument("size -1 is negative"))
        #expect(file.bytes == pattern(100))
    }

    @Test func secondCloseAndEveryCallAfterCloseAreClosed() throws {
        let file = TemporaryFile().create(pattern(100))
        let mapped = try MappedFile(path: file.path)
        try mapped.close()
        #expect(mapError { try mapped.close() } == .closed)
        #expect(mapError { _ = try mapped.read(at: 0, count: 1) } == .closed)
        var one: UInt8 = 0
        #expect(
            mapError {
                try withUnsafeMutableBytes(of: &one) { (buffer) throws(MapError) in try mapped.read(into: buffer, at: 0)
                }
            } == .closed)
        #expect(mapError { try mapped.write([1], at: 0) } == .closed)
        #expect(mapError { try mapped.fill(1, at: 0, count: 1) } == .closed)
        #expect(mapError { try mapped.move(from: 0, to: 1, count: 1) } == .closed)
        #expect(mapError { _ = try mapped.region(at: 0, count: 1) } == .closed)
        #expect(mapError { _ = try mapped.find([1], in: 0..<1) } == .closed)
        #expect(mapError { try mapped.sync() } == .closed)
        #expect(mapError { try mapped.advise(.normal, offset: 0, count: 1) } == .closed)
        #expect(mapError { try mapped.resize(to: 10) } == .closed)
        #expect(mapError { _ = try mapped.refresh() } == .closed)
        #expect(mapError { _ = try mapped.size() } == .closed)
        #expect(file.bytes == pattern(100))
    }

    @Test func resizeExtendsWithZerosAndShrinks() throws {
        let file = TemporaryFile().create(pattern(100))
        let mapped = try MappedFile(path: file.path)
        try mapped.resize(to: 500)
        #expect(try mapped.size() == 500)
        #expect(file.sizeOnDisk == 500)
        #expect(try mapped.read(at: 0, count: 100) == pattern(100))
        #expect(try mapped.read(at: 100, count: 400) == [UInt8](repeating: 0, count: 400))

        let big = TemporaryFile().create(pattern(1000))
        let shrinking = try MappedFile(path: big.path)
        try shrinking.resize(to: 500)
        #expect(try shrinking.size() == 500)
        #expect(big.sizeOnDisk == 500)
        #expect(try shrinking.read(at: 0, count: 500) == Array(pattern(1000)[0..<500]))
        #expect(
            mapError { _ = try shrinking.read(at: 500, count: 1) } == .outOfBounds(offset: 500, count: 1, size: 500))
        try shrinking.resize(to: 0)
        #expect(try shrinking.size() == 0)
        #expect(big.sizeOnDisk == 0)
    }

    @Test func resizeFarPastTheReservedRoomMovesOrGrowsTheMapping() throws {
        let file = TemporaryFile().create(pattern(4096))
        let mapped = try MappedFile(path: file.path)
        let region = try mapped.region(at: 0, count: 4096)
        for size in [8 << 20, 64 << 20, 3 << 20, 200 << 20] {
            try mapped.resize(to: size)
            #expect(try mapped.size() == size)
            #expect(try mapped.read(at: 0, count: 4096) == pattern(4096))
            try mapped.write([0x5A], at: size - 1)
            #expect(try mapped.read(at: size - 1, count: 1) == [0x5A])
        }
        #expect(Array(region) == pattern(4096))  // the old view stays valid
    }

    @Test func failedResizeLeavesTheHandleUsable() throws {
        let file = TemporaryFile().create(pattern(100))
        let mapped = try MappedFile(path: file.path)
        let error = mapError { try mapped.resize(to: Int.max) }
        guard case .system(let operation, _) = error else {
            Issue.record("expected a system error, got \(String(describing: error))")
            return
        }
        #expect(operation == "ftruncate")
        #expect(try mapped.size() == 100)
        #expect(file.sizeOnDisk == 100)
        #expect(try mapped.read(at: 0, count: 100) == pattern(100))
        try mapped.write([1], at: 0)
        #expect(try mapped.read(at: 0, count: 1) == [1])
    }

    @Test(arguments: Advice.allCases)
    func everyAdviceHintWorks(advice: Advice) throws {
        let file = TemporaryFile().create(pattern(3 * 4096 + 17))
        let mapped = try MappedFile(path: file.path)
        try mapped.advise(advice, offset: 0, count: 4096)
        try mapped.advise(advice, offset: 100, count: 5000)  // unaligned: rounded, not rejected
        try mapped.advise(advice, offset: 0, count: 0)  // 0 means to the end
        try mapped.advise(advice)
        #expect(
            mapError { try mapped.advise(advice, offset: 4096, count: 3 * 4096) }
                == .outOfBounds(offset: 4096, count: 3 * 4096, size: 3 * 4096 + 17))
        #expect(try mapped.read(at: 0, count: 3 * 4096 + 17) == pattern(3 * 4096 + 17))  // dontNeed keeps shared data
    }

    @Test func dontNeedIsRefusedOnAWritablePrivateMapping() throws {
        let file = TemporaryFile().create(pattern(4096))
        let mapped = try MappedFile(path: file.path, options: OpenOptions(sharing: .private))
        try mapped.write([1, 2, 3], at: 0)
        #expect(
            mapError { try mapped.advise(.dontNeed) }
                == .invalidArgument("dontNeed would discard the changes of a private mapping"))
        #expect(try mapped.read(at: 0, count: 3) == [1, 2, 3])
    }

    @Test func missingFileIsASystemErrorAndCreatesNothing() throws {
        let file = TemporaryFile()
        #expect(
            mapError { _ = try MappedFile(path: file.path) }
                == .system(operation: "open", errno: .noSuchFileOrDirectory))
        #expect(
            mapError { _ = try MappedFile(path: file.path, mode: .read) }
                == .system(operation: "open", errno: .noSuchFileOrDirectory))
        #expect(!file.exists)
    }

    @Test func readModeWithCreateOrTruncateIsRefusedBeforeTouchingTheDisk() throws {
        let missing = TemporaryFile()
        #expect(
            mapError { _ = try MappedFile(path: missing.path, mode: .read, options: OpenOptions(create: true)) }
                == .invalidArgument("a read-only open cannot create or truncate the file"))
        #expect(!missing.exists)
        let existing = TemporaryFile().create(pattern(100))
        #expect(
            mapError {
                _ = try MappedFile(path: existing.path, mode: .read, options: OpenOptions(truncate: true, size: 0))
            } == .invalidArgument("a read-only open cannot create or truncate the file"))
        #expect(existing.bytes == pattern(100))
    }

    @Test func sizeOptionGrowsButNeverShrinksWithoutTruncate() throws {
        let file = TemporaryFile().create(pattern(1000))
        let mapped = try MappedFile(path: file.path, options: OpenOptions(size: 10))
        #expect(try mapped.size() == 1000)
        #expect(file.bytes == pattern(1000))
        try mapped.close()
        let grown = try MappedFile(path: file.path, options: OpenOptions(size: 3000))
        #expect(try grown.size() == 3000)
        #expect(try grown.read(at: 0, count: 1000) == pattern(1000))
        try grown.close()
        let cut = try MappedFile(path: file.path, options: OpenOptions(truncate: true, size: 10))
        #expect(try cut.size() == 10)
        #expect(file.sizeOnDisk == 10)
        try cut.close()
        let emptied = try MappedFile(path: file.path, options: OpenOptions(truncate: true))
        #expect(try emptied.size() == 0)
    }

    @Test func negativeSizeOptionIsInvalidAndChangesNothing() throws {
        let file = TemporaryFile()
        #expect(
            mapError { _ = try MappedFile(path: file.path, options: OpenOptions(create: true, size: -5)) }
                == .invalidArgument("size -5 is negative"))
        #expect(!file.exists)
    }

    @Test func failedOpenRemovesTheFileItCreated() throws {
        let file = TemporaryFile()
        // Growing to an impossible size fails after the file was created: it must be gone again.
        let error = mapError { _ = try MappedFile(path: file.path, options: OpenOptions(create: true, size: Int.max)) }
        #expect(error != nil)
        #expect(!file.exists)
    }

    @Test func pathsWithNulAreRefusedAndUnicodePathsWork() throws {
        let file = TemporaryFile(name: "données-🗺️.bin").create(pattern(10))
        let mapped = try MappedFile(path: file.path)
        #expect(try mapped.read(at: 0, count: 10) == pattern(10))
        #expect(
            mapError { _ = try MappedFile(path: file.path + "\0.evil") }
                == .invalidArgument("the path contains a NUL byte"))
        #expect(mapError { _ = try MappedFile(path: "") } == .invalidArgument("the path is empty"))
    }

    @Test func directoriesAreNotRegularFiles() throws {
        let file = TemporaryFile()
        #expect(
            mapError { _ = try MappedFile(path: file.directory, mode: .read) } == .invalidArgument("not a regular file")
        )
    }

    @Test func emptyFilesOpenAndGrow() throws {
        let file = TemporaryFile().create([])
        let mapped = try MappedFile(path: file.path)
        #expect(try mapped.size() == 0)
        #expect(try mapped.read(at: 0, count: 0) == [])
        #expect(mapError { _ = try mapped.read(at: 0, count: 1) } == .outOfBounds(offset: 0, count: 1, size: 0))
        try mapped.sync()
        try mapped.advise(.willNeed)
        #expect(try mapped.region(at: 0, count: 0).isEmpty)
        try mapped.resize(to: 10)
        try mapped.write(pattern(10), at: 0)
        try mapped.sync()
        #expect(file.bytes == pattern(10))
        let other = TemporaryFile().create([])
        let readOnly = try MappedFile(path: other.path, mode: .read)
        #expect(try readOnly.size() == 0)
    }

    @Test func createOpensANewFileAndLeavesAnExistingOneAlone() throws {
        let file = TemporaryFile()
        let mapped = try MappedFile(path: file.path, options: OpenOptions(create: true))
        #expect(try mapped.size() == 0)
        #expect(file.sizeOnDisk == 0)
        let existing = TemporaryFile().create(pattern(50))
        let again = try MappedFile(path: existing.path, options: OpenOptions(create: true))
        #expect(try again.read(at: 0, count: 50) == pattern(50))
    }

    @Test func lockAndPopulateAndNoCacheOpen() throws {
        let file = TemporaryFile().create(pattern(64 * 1024))
        let mapped = try MappedFile(path: file.path, options: OpenOptions(lock: true, populate: true, noCache: true))
        #expect(try mapped.read(at: 0, count: 64 * 1024) == pattern(64 * 1024))
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let locked = status.split(separator: "\n").first { $0.hasPrefix("VmLck:") }
        let kilobytes = locked.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true)[1]) } ?? 0
        // Sanitizer runtimes intercept mlock and do nothing, so only a plain build can see the lock.
        if !runningUnderSanitizer {
            #expect(kilobytes >= 64)
        }
    }

    @Test func filesOverFourGiBUseSixtyFourBitOffsets() throws {
        let size = 5 << 30 + 123
        let file = TemporaryFile().createSparse(size: size)
        let mapped = try MappedFile(path: file.path)
        #expect(try mapped.size() == size)
        let far = (4 << 30) + 7
        try mapped.write(Array("beyond 4 GiB".utf8), at: far)
        #expect(try mapped.read(at: far, count: 12) == Array("beyond 4 GiB".utf8))
        try mapped.write([0x42], at: size - 1)
        try mapped.sync(offset: far, count: 12)
        #expect(try mapped.find(Array("4 GiB".utf8), in: (4 << 30)..<((4 << 30) + 4096)) == far + 7)
        let descriptor = open(file.path, O_RDONLY)
        var check = [UInt8](repeating: 0, count: 12)
        _ = check.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 12, off_t(far)) }
        close(descriptor)
        #expect(check == Array("beyond 4 GiB".utf8))
    }
}
