import CIOMMap
import Foundation
import IOMMap
import Synchronization
import TestSupport
import Testing

/// iommap's lifecycle suite and what its peers lack: other processes shrinking and growing the file.
@Suite struct LifecycleTests {
    @Test func externalTruncateToZeroGivesBusErrorAgainAndAgain() throws {
        let size = 16 * 4096
        let file = TemporaryFile().create(pattern(size))
        let mapped = try MappedFile(path: file.path)
        #expect(try mapped.read(at: 0, count: size) == pattern(size))
        file.truncateExternally(to: 0)
        for _ in 0..<50 {
            #expect(mapError { _ = try mapped.read(at: 5 * 4096, count: 8) } == .busError)
            #expect(mapError { try mapped.write([1, 2, 3], at: 4096) } == .busError)
            #expect(mapError { try mapped.fill(9, at: 0, count: 10) } == .busError)
            #expect(mapError { _ = try mapped.find([0xAB, 0xCD], in: 0..<size) } == .busError)
            #expect(mapError { _ = try mapped.findLast([0xAB, 0xCD], in: 0..<size) } == .busError)
            #expect(mapError { _ = try mapped.compare([1, 2], at: 8 * 4096) } == .busError)
        }
        #expect(try mapped.size() == size)  // nothing changes the size behind the caller's back
        #expect(file.sizeOnDisk == 0)  // a failed write never grows the file
    }

    @Test func aFaultIsNeverTakenForZerosAfterTheFileComesBack() throws {
        let size = 8 * 4096
        let file = TemporaryFile().create(pattern(size))
        let mapped = try MappedFile(path: file.path)
        file.truncateExternally(to: 4096)
        #expect(mapError { _ = try mapped.read(at: 6 * 4096, count: 4) } == .busError)
        #expect(try mapped.read(at: 0, count: 4096) == Array(pattern(size)[0..<4096]))  // still backed
        // Another process writes the file back: the old mapping must show its real bytes, not patched zeros.
        file.writeExternally(Array(pattern(size)[4096...]), at: 4096)
        #expect(try mapped.read(at: 0, count: size) == pattern(size))
    }

    @Test func refreshFollowsShrinkAndGrowth() throws {
        let file = TemporaryFile().create(pattern(10_000))
        let mapped = try MappedFile(path: file.path, mode: .read)
        #expect(try mapped.refresh() == .unchanged)
        file.truncateExternally(to: 3000)
        #expect(try mapped.refresh() == .shrank(from: 10_000, to: 3000))
        #expect(try mapped.size() == 3000)
        #expect(
            mapError { _ = try mapped.read(at: 3000, count: 1) } == .outOfBounds(offset: 3000, count: 1, size: 3000))
        file.writeExternally(Array("appended".utf8), at: 3000)
        #expect(try mapped.refresh() == .grew(from: 3000, to: 3008))
        #expect(try mapped.read(at: 3000, count: 8) == Array("appended".utf8))
        // Growth far beyond the room reserved at open.
        file.truncateExternally(to: 64 << 20)
        file.writeExternally([0xEE], at: (64 << 20) - 1)
        #expect(try mapped.refresh() == .grew(from: 3008, to: 64 << 20))
        #expect(try mapped.read(at: (64 << 20) - 1, count: 1) == [0xEE])
        #expect(try mapped.read(at: 0, count: 3000) == Array(pattern(10_000)[0..<3000]))
    }

    @Test func manyThreadsFaultAtOnceAndAllSurvive() throws {
        let size = 64 * 4096
        let file = TemporaryFile().create(pattern(size))
        let mapped = try MappedFile(path: file.path)
        file.truncateExternally(to: 0)
        let unexpected = Atomic<Int>(0)
        onThreads(8) { index in
            for round in 0..<200 {
                let offset = ((index * 7 + round) % 64) * 4096
                do {
                    // Half the threads also write: a writer's fault must not let a reader take patched zeros for data.
                    if index % 2 == 0 {
                        try mapped.write([0x55, 0x66], at: offset + 8)
                    } else {
                        _ = try mapped.read(at: offset, count: 16)
                    }
                    unexpected.add(1, ordering: .relaxed)
                } catch {
                    if (error as? MapError) != .busError { unexpected.add(1, ordering: .relaxed) }
                }
            }
        }
        #expect(unexpected.load(ordering: .relaxed) == 0)
    }

    @Test func anotherProcessTruncatesWhileReadersRun() throws {
        let size = 256 * 4096
        let file = TemporaryFile().create(pattern(size))
        let mapped = try MappedFile(path: file.path)
        let wrong = Atomic<Int>(0)
        let stop = Atomic<Bool>(false)
        onThreads(4) { index in
            if index == 0 {
                for round in 0..<20 {
                    let truncate = Process()
                    truncate.executableURL = URL(fileURLWithPath: "/usr/bin/truncate")
                    truncate.arguments = ["-s", round % 2 == 0 ? "0" : "\(size)", file.path]
                    try? truncate.run()
                    truncate.waitUntilExit()
                }
                stop.store(true, ordering: .releasing)
                return
            }
            while !stop.load(ordering: .acquiring) {
                let offset = Int.random(in: 0..<(size - 64))
                do {
                    let bytes = try mapped.read(at: offset, count: 64)
                    // Either the original bytes or the zeros of a regrown file: never garbage.
                    if bytes != Array(pattern(size)[offset..<(offset + 64)]) && bytes.contains(where: { $0 != 0 }) {
                        wrong.add(1, ordering: .relaxed)
                    }
                } catch {
                    if (error as? MapError) != .busError { wrong.add(1, ordering: .relaxed) }
                }
            }
        }
        #expect(wrong.load(ordering: .relaxed) == 0)
        _ = try mapped.refresh()
        #expect(try mapped.size() == size)
    }

    @Test func faultsThatAreNotOursReachThePreviousHandler() throws {
        let file = TemporaryFile().create([1])
        _ = try MappedFile(path: file.path)  // installs the guard
        var replacement = sigaction()
        replacement.__sigaction_handler.sa_handler = { _ in chainedSignals.add(1, ordering: .relaxed) }
        sigemptyset(&replacement.sa_mask)
        var previous = sigaction()
        iommap_guard_exchange_previous(&replacement, &previous)
        defer {
            var restored = sigaction()
            iommap_guard_exchange_previous(&previous, &restored)
        }
        let before = chainedSignals.load(ordering: .relaxed)
        raise(SIGBUS)  // outside any guarded call
        #expect(chainedSignals.load(ordering: .relaxed) == before + 1)
    }

    @Test func privateMappingKeepsItsChangesAcrossResize() throws {
        let file = TemporaryFile().create(pattern(5000))
        let mapped = try MappedFile(path: file.path, options: OpenOptions(sharing: .private))
        try mapped.write([1, 2, 3], at: 10)
        try mapped.resize(to: 20_000)
        #expect(try mapped.read(at: 10, count: 3) == [1, 2, 3])
        #expect(try mapped.read(at: 4990, count: 10) == Array(pattern(5000)[4990..<5000]))
        #expect(try mapped.read(at: 5000, count: 15_000) == [UInt8](repeating: 0, count: 15_000))
        try mapped.resize(to: 100)
        #expect(try mapped.read(at: 10, count: 3) == [1, 2, 3])
        #expect(file.bytes == pattern(5000))  // the file itself never changed
        #expect(try mapped.refresh() == .unchanged)
    }

    @Test func manyPrivateResizesDoNotPileUpMemory() throws {
        let size = 16 << 20
        let file = TemporaryFile().create(pattern(size))
        let mapped = try MappedFile(path: file.path, options: OpenOptions(sharing: .private))
        try mapped.write([9, 9, 9], at: 100)
        let before = anonymousResidentKiB()
        for round in 0..<60 {
            try mapped.resize(to: round % 2 == 0 ? size + 4096 : size - 4096)
        }
        let grown = anonymousResidentKiB() - before
        // Piling up would cost about 60 x 16 MiB; the margin absorbs parallel tests' allocations.
        if !runningUnderSanitizer {
            #expect(grown < 256 * 1024, "anonymous memory grew by \(grown) KiB over 60 resizes of 16 MiB")
        }
        #expect(try mapped.read(at: 100, count: 3) == [9, 9, 9])
        // Bytes cut by a shrink come back as zeros when the mapping grows again.
        #expect(try mapped.size() == size - 4096)
        try mapped.resize(to: size + 4096)
        #expect(try mapped.read(at: size - 4096, count: 8192) == [UInt8](repeating: 0, count: 8192))
        #expect(try mapped.read(at: size - 8192, count: 4096) == Array(pattern(size)[(size - 8192)..<(size - 4096)]))
        #expect(file.bytes == pattern(size))
    }

    @Test func aFifoIsRefusedWithoutHanging() throws {
        let file = TemporaryFile(name: "pipe")
        #expect(mkfifo(file.path, 0o600) == 0)
        #expect(mapError { _ = try MappedFile(path: file.path, mode: .read) } == .invalidArgument("not a regular file"))
        #expect(
            mapError { _ = try MappedFile(path: file.path, options: OpenOptions(sharing: .private)) }
                == .invalidArgument("not a regular file"))
    }
}

let chainedSignals = Atomic<Int>(0)
