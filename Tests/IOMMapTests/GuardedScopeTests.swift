import Foundation
@_spi(Testing) import IOMMap
import Synchronization
import TestSupport
import Testing

/// `withUnsafeBytes(_:)` / `withUnsafeMutableBytes(_:)`: raw pointers with the SIGBUS guard armed.
@Suite struct GuardedScopeTests {
    @Test func aScopeSeesEveryMappedByte() throws {
        let file = TemporaryFile().create(pattern(3 * 4096 + 5))
        let mapped = try MappedFile(path: file.path, mode: .read)
        let (count, bytes) = try mapped.withUnsafeBytes { ($0.count, Array($0)) }
        #expect(count == 3 * 4096 + 5)
        #expect(bytes == pattern(3 * 4096 + 5))
        let empty = TemporaryFile().create([])
        #expect(try MappedFile(path: empty.path, mode: .read).withUnsafeBytes { $0.count } == 0)
    }

    @Test func aChildProcessTruncatingTheFileMakesTheScopeThrowAgainAndAgain() throws {
        let pages = 16
        let size = pages * 4096
        let file = TemporaryFile().create(pattern(size))
        let mapped = try MappedFile(path: file.path)
        for round in 0..<10 {
            file.writeExternally(pattern(size), at: 0)  // the file comes back whole each round
            var touchedAfterTheCut = false
            let error = mapError {
                _ = try mapped.withUnsafeBytes { bytes -> UInt64 in
                    var sum = UInt64(bytes[0])
                    runTruncate(file.path, to: round % 2 == 0 ? 0 : 4096)
                    for page in 2..<pages { sum &+= UInt64(bytes[page * 4096 + round]) }  // lost pages: patched zeros
                    touchedAfterTheCut = true
                    return sum
                }
            }
            #expect(touchedAfterTheCut)  // the closure ran on past the fault
            #expect(error == .busError, "round \(round)")
            // The patched pages were mapped over again: they fault again, and a read says so.
            #expect(mapError { _ = try mapped.read(at: 5 * 4096, count: 8) } == .busError)
        }
        // Once the file is back, every byte reads as the file's again, never as patched zeros.
        file.writeExternally(pattern(size), at: 0)
        #expect(try mapped.read(at: 0, count: size) == pattern(size))
        #expect(try mapped.withUnsafeBytes { Array($0) } == pattern(size))
    }

    @Test func aTruncatedFileFaultsInEveryScope() throws {
        let file = TemporaryFile().create(pattern(8 * 4096))
        let mapped = try MappedFile(path: file.path)
        file.truncateExternally(to: 0)
        for _ in 0..<50 {
            #expect(mapError { _ = try mapped.withUnsafeBytes { $0[6 * 4096] } } == .busError)
            #expect(mapError { try mapped.withUnsafeMutableBytes { $0[7 * 4096] = 1 } } == .busError)
        }
        #expect(try mapped.size() == 8 * 4096)  // nothing changes the size behind the caller's back
        #expect(file.sizeOnDisk == 0)
    }

    @Test func nestedScopesReportTheirOwnFaults() throws {
        let outerFile = TemporaryFile().create(pattern(8 * 4096))
        let innerFile = TemporaryFile().create(pattern(8 * 4096, seed: 7))
        let outer = try MappedFile(path: outerFile.path)
        let inner = try MappedFile(path: innerFile.path)
        outerFile.truncateExternally(to: 4096)

        // A fault in the outer scope's range while the inner scope is armed belongs to the outer one.
        var innerResult: [UInt8] = []
        let outerError = mapError {
            try outer.withUnsafeBytes { (outerBytes) throws(MapError) in
                innerResult = try inner.withUnsafeBytes { innerBytes in
                    _ = outerBytes[5 * 4096]  // lost page of the outer file
                    return Array(innerBytes[0..<16])
                }
            }
        }
        #expect(innerResult == Array(pattern(8 * 4096, seed: 7)[0..<16]))
        #expect(outerError == .busError)

        // A fault in the inner range is the inner scope's; the outer one goes on unharmed.
        innerFile.truncateExternally(to: 0)
        outerFile.writeExternally(pattern(8 * 4096), at: 0)
        let (innerError, outerBytes) = try outer.withUnsafeBytes { outerBytes in
            let error = mapError { _ = try inner.withUnsafeBytes { $0[3 * 4096] } }
            return (error, Array(outerBytes[(5 * 4096)..<(5 * 4096 + 16)]))
        }
        #expect(innerError == .busError)
        #expect(outerBytes == Array(pattern(8 * 4096)[(5 * 4096)..<(5 * 4096 + 16)]))

        // The same handle nested in itself.
        let twice = try outer.withUnsafeBytes { (first) throws(MapError) in
            try outer.withUnsafeBytes { second in first[100] == second[100] }
        }
        #expect(twice)
    }

    @Test func aScopeOnAClosedHandleOrTheWrongModeIsRefused() throws {
        let file = TemporaryFile().create(pattern(100))
        let closed = try MappedFile(path: file.path)
        try closed.close()
        var ran = false
        #expect(mapError { try closed.withUnsafeBytes { _ in ran = true } } == .closed)
        #expect(mapError { try closed.withUnsafeMutableBytes { _ in ran = true } } == .closed)
        #expect(!ran)
        let readOnly = try MappedFile(path: file.path, mode: .read)
        #expect(mapError { try readOnly.withUnsafeMutableBytes { $0[0] = 1 } } == .accessDenied)
        let writeOnly = try MappedFile(path: file.path, mode: .write)
        #expect(mapError { _ = try writeOnly.withUnsafeBytes { $0[0] } } == .accessDenied)
        #expect(mapError { try writeOnly.withUnsafeMutableBytes { $0[0] = 1 } } == .accessDenied)
        #expect(file.bytes == pattern(100))
    }

    @Test func theClosuresOwnErrorComesBackAndTheHandleStaysUsable() throws {
        let file = TemporaryFile().create(pattern(100))
        let mapped = try MappedFile(path: file.path)
        #expect(
            mapError { try mapped.withUnsafeBytes { (_) throws(MapError) -> Void in throw .invalidArgument("mine") } }
                == .invalidArgument("mine"))
        #expect(
            mapError {
                try mapped.withUnsafeMutableBytes { (_) throws(MapError) -> Void in throw .invalidArgument("mine") }
            } == .invalidArgument("mine"))
        try mapped.write([1], at: 0)  // the mutable scope gave its lock and its change back
        #expect(try mapped.read(at: 0, count: 1) == [1])
    }

    @Test func aMutableScopeWritesThroughAndReadersNeverSeeHalfOfIt() throws {
        let size = 64 * 1024
        let file = TemporaryFile().create([UInt8](repeating: 1, count: size))
        let mapped = try MappedFile(path: file.path)
        let torn = Atomic<Int>(0)
        let done = Atomic<Bool>(false)
        onThreads(3) { index in
            if index == 0 {
                for round in 0..<300 {
                    _ = try? mapped.withUnsafeMutableBytes { bytes in
                        bytes.initializeMemory(as: UInt8.self, repeating: UInt8(round % 250 + 1))
                    }
                }
                done.store(true, ordering: .releasing)
                return
            }
            var word: (UInt64, UInt64) = (0, 0)
            var generator = SplitMix64(seed: UInt64(index))
            while !done.load(ordering: .acquiring) {
                // Two ends of the mapping in one 16-byte read would be too easy: read 16 bytes
                // at a random place, and the first and last bytes of the file in one gather.
                let offset = Int(generator.next() % UInt64(size - 16))
                withUnsafeMutableBytes(of: &word) { buffer in
                    if (try? mapped.read(into: buffer, at: offset)) == nil || Set(buffer).count != 1 {
                        torn.add(1, ordering: .relaxed)
                    }
                    if (try? mapped.read(into: buffer, atEach: [0, size - 1], width: 1)) == nil
                        || buffer[0] != buffer[1]
                    {
                        torn.add(1, ordering: .relaxed)
                    }
                }
            }
        }
        #expect(torn.load(ordering: .relaxed) == 0)
        #expect(Set(file.bytes) == [UInt8(299 % 250 + 1)])  // shared: the writes reached the file
    }

    @Test func aScopeKeepsItsMappingWhileTheHandleClosesOrShrinks() throws {
        let file = TemporaryFile().create(pattern(4 * 4096))
        let mapped = try MappedFile(path: file.path)
        let bytes = try mapped.withUnsafeBytes { bytes in
            try? mapped.close()  // the scope holds the mapping: its bytes stay readable
            return Array(bytes)
        }
        #expect(bytes == pattern(4 * 4096))

        let other = TemporaryFile().create(pattern(4 * 4096))
        let shrinking = try MappedFile(path: other.path)
        let error = mapError {
            _ = try shrinking.withUnsafeBytes { (bytes) throws(MapError) in
                try shrinking.resize(to: 4096)  // the scope's pages past the new end are cut
                return bytes[3 * 4096]
            }
        }
        #expect(error == .busError)
        #expect(try shrinking.read(at: 0, count: 4096) == Array(pattern(4 * 4096)[0..<4096]))
    }

    @Test func gatherReadsEachOffsetAndReportsTheFirstBadOne() throws {
        let size = 1 << 20
        let file = TemporaryFile().create(pattern(size))
        let mapped = try MappedFile(path: file.path, mode: .read)
        var generator = SplitMix64(seed: 42)
        let offsets = (0..<10_000).map { _ in Int(generator.next() % UInt64(size - 8)) }
        for width in [1, 3, 8, 16, 40] {
            var gathered = [UInt8](repeating: 0, count: offsets.count * width)
            try gathered.withUnsafeMutableBytes { buffer in
                try mapped.read(into: buffer, atEach: offsets, width: width)
            }
            let expected = pattern(size)
            #expect(gathered == offsets.flatMap { expected[$0..<($0 + width)] }, "width \(width)")
        }
        var buffer = [UInt8](repeating: 0, count: 64)
        buffer.withUnsafeMutableBytes { buffer in
            #expect(
                mapError { try mapped.read(into: buffer, atEach: [0, size - 4, 8], width: 8) }
                    == .outOfBounds(offset: size - 4, count: 8, size: size))
            #expect(
                mapError { try mapped.read(into: buffer, atEach: [0, -1], width: 8) }
                    == .outOfBounds(offset: -1, count: 8, size: size))
            #expect(
                mapError { try mapped.read(into: buffer, atEach: Array(repeating: 0, count: 9), width: 8) }
                    == .invalidArgument("the buffer holds 64 bytes, the gather needs 72"))
            #expect(
                mapError { try mapped.read(into: buffer, atEach: [0], width: -1) }
                    == .invalidArgument("width -1 is negative"))
        }
        try mapped.close()
        buffer.withUnsafeMutableBytes { buffer in
            #expect(mapError { try mapped.read(into: buffer, atEach: [0], width: 8) } == .closed)
        }
    }

    @Test func gatherOverATruncatedFileIsABusError() throws {
        let file = TemporaryFile().create(pattern(8 * 4096))
        let mapped = try MappedFile(path: file.path)
        file.truncateExternally(to: 4096)
        var buffer = [UInt8](repeating: 0, count: 16)
        buffer.withUnsafeMutableBytes { buffer in
            for _ in 0..<20 {
                #expect(mapError { try mapped.read(into: buffer, atEach: [0, 6 * 4096], width: 8) } == .busError)
            }
        }
    }
}

/// Runs `truncate -s SIZE PATH` as a child process and waits for it.
func runTruncate(_ path: String, to size: Int) {
    let truncate = Process()
    truncate.executableURL = URL(fileURLWithPath: "/usr/bin/truncate")
    truncate.arguments = ["-s", "\(size)", path]
    try? truncate.run()
    truncate.waitUntilExit()
    precondition(truncate.terminationStatus == 0, "truncate failed")
}
