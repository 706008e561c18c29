import Foundation
import IOMMap
import Synchronization
import TestSupport
import Testing

/// iommap's concurrent suite, with OS threads: readers, writers, a resizer and a closer on one handle.
@Suite struct ConcurrencyTests {
    @Test func tenReadersReadTheSameBytes() throws {
        let file = TemporaryFile().create(pattern(64 * 1024))
        let mapped = try MappedFile(path: file.path, mode: .read)
        let expected = pattern(64 * 1024)
        let failures = Atomic<Int>(0)
        onThreads(10) { index in
            for round in 0..<100 {
                let offset = (index * 997 + round * 131) % (64 * 1024 - 256)
                let bytes = try? mapped.read(at: offset, count: 256)
                if bytes != Array(expected[offset..<(offset + 256)]) { failures.add(1, ordering: .relaxed) }
            }
        }
        #expect(failures.load(ordering: .relaxed) == 0)
    }

    @Test func fourWritersOnDisjointRanges() throws {
        let file = TemporaryFile().create([UInt8](repeating: 0, count: 4 * 4096))
        let mapped = try MappedFile(path: file.path)
        onThreads(4) { index in
            for round in 0..<200 {
                try? mapped.write([UInt8](repeating: UInt8(index + 1), count: 64), at: index * 4096 + (round % 64) * 64)
            }
        }
        try mapped.sync()
        let disk = file.bytes
        for index in 0..<4 {
            #expect(disk[(index * 4096)..<(index * 4096 + 4096)].allSatisfy { $0 == UInt8(index + 1) })
        }
    }

    @Test func aReadNeverSeesHalfOfAConcurrentWrite() throws {
        let size = 16 * 1024
        let file = TemporaryFile().create([UInt8](repeating: 1, count: size))
        let mapped = try MappedFile(path: file.path)
        let torn = Atomic<Int>(0)
        let done = Atomic<Bool>(false)
        onThreads(4) { index in
            if index == 0 {
                for round in 0..<2000 {
                    try? mapped.write([UInt8](repeating: UInt8(round % 250 + 1), count: size), at: 0)
                }
                done.store(true, ordering: .releasing)
            } else {
                var buffer = [UInt8](repeating: 0, count: size)
                while !done.load(ordering: .acquiring) {
                    let ok: Bool = buffer.withUnsafeMutableBytes { raw in
                        (try? mapped.read(into: raw, at: 0)) != nil
                    }
                    if !ok || !buffer.allSatisfy({ $0 == buffer[0] }) { torn.add(1, ordering: .relaxed) }
                }
            }
        }
        #expect(torn.load(ordering: .relaxed) == 0)
    }

    @Test func readersWritersAResizerAndACloser() throws {
        let file = TemporaryFile().create(pattern(8192))
        let mapped = try MappedFile(path: file.path)
        let wrong = Atomic<Int>(0)
        let stop = Atomic<Bool>(false)
        onThreads(6) { index in
            switch index {
            case 0:  // the resizer grows and shrinks, always keeping the first 8 KiB
                for round in 0..<300 {
                    try? mapped.resize(to: round % 2 == 0 ? (8 << 20) + round * 4096 : 8192 + round)
                }
                stop.store(true, ordering: .releasing)
            case 1:  // a writer rewrites the first 8 KiB with the same bytes
                while !stop.load(ordering: .acquiring) { try? mapped.write(pattern(8192), at: 0) }
            default:
                while !stop.load(ordering: .acquiring) {
                    let offset = Int.random(in: 0..<8000)
                    do {
                        let bytes = try mapped.read(at: offset, count: 64)
                        if bytes != Array(pattern(8192)[offset..<(offset + 64)]) { wrong.add(1, ordering: .relaxed) }
                    } catch {
                        wrong.add(1, ordering: .relaxed)
                    }
                }
            }
        }
        #expect(wrong.load(ordering: .relaxed) == 0)
        // Now close while readers run: every read either succeeds with the right bytes or says .closed.
        let afterClose = Atomic<Int>(0)
        onThreads(4) { index in
            if index == 0 {
                usleep(2000)
                try? mapped.close()
                return
            }
            for _ in 0..<20_000 {
                do {
                    let bytes = try mapped.read(at: 0, count: 16)
                    if bytes != Array(pattern(8192)[0..<16]) { afterClose.add(1, ordering: .relaxed) }
                } catch {
                    if (error as? MapError) != .closed { afterClose.add(1, ordering: .relaxed) }
                }
            }
        }
        #expect(afterClose.load(ordering: .relaxed) == 0)
        #expect(mapError { _ = try mapped.read(at: 0, count: 1) } == .closed)
    }
}
