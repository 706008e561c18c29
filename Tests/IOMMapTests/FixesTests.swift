import Foundation
@_spi(Testing) import IOMMap
import Synchronization
import TestSupport
import Testing

/// Truncating opens, memory that stays flat however often the file grows, `lock` across
/// remaps, and private edits that survive the repair of a fault.
@Suite struct FixesTests {
    @Test func truncateWithASizeGivesThatManyZeroBytes() throws {
        for (old, wanted) in [(100, 50), (100, 300), (100, 100), (0, 20)] {
            let file = TemporaryFile().create(pattern(old))
            let mapped = try MappedFile(path: file.path, options: OpenOptions(truncate: true, size: wanted))
            #expect(try mapped.size() == wanted)
            #expect(
                try mapped.read(at: 0, count: wanted) == [UInt8](repeating: 0, count: wanted), "\(old) -> \(wanted)")
            #expect(file.bytes == [UInt8](repeating: 0, count: wanted), "\(old) -> \(wanted)")
        }
        let file = TemporaryFile().create(pattern(100))
        let emptied = try MappedFile(path: file.path, options: OpenOptions(truncate: true))
        #expect(try emptied.size() == 0)
        #expect(file.sizeOnDisk == 0)
    }

    @Test func aMillionGrowthsKeepMemoryFlat() throws {
        let file = TemporaryFile().create(pattern(64))
        let mapped = try MappedFile(path: file.path)
        let growths = 1_000_000
        let stop = Atomic<Bool>(false)
        let wrongReads = Atomic<Int>(0)
        let reads = Atomic<Int>(0)
        let mostViews = Atomic<Int>(0)
        let mostMappings = Atomic<Int>(0)
        let mapsAfterWarmUp = Atomic<Int>(0)
        onThreads(3) { index in
            if index == 0 {
                for growth in 1...growths {
                    do {
                        try mapped.resize(to: 64 + growth)
                    } catch {
                        wrongReads.add(1, ordering: .relaxed)
                    }
                    if growth == growths / 10 {
                        mapsAfterWarmUp.store(mappingCount(), ordering: .relaxed)
                    }
                    if growth % 1000 == 0 {
                        let held = mapped.heldViewsAndMappings
                        mostViews.store(max(mostViews.load(ordering: .relaxed), held.views), ordering: .relaxed)
                        mostMappings.store(
                            max(mostMappings.load(ordering: .relaxed), held.mappings), ordering: .relaxed)
                    }
                }
                stop.store(true, ordering: .releasing)
                return
            }
            // Readers race with every growth: a view they name must never be freed under them.
            var generator = SplitMix64(seed: UInt64(index))
            var word: UInt64 = 0
            let expected = pattern(64)
            while !stop.load(ordering: .acquiring) {
                let offset = Int(generator.next() % 56)
                withUnsafeMutableBytes(of: &word) { buffer in
                    if (try? mapped.read(into: buffer, at: offset)) == nil
                        || Array(buffer) != Array(expected[offset..<(offset + 8)])
                    {
                        wrongReads.add(1, ordering: .relaxed)
                    }
                }
                reads.add(1, ordering: .relaxed)
            }
        }
        #expect(wrongReads.load(ordering: .relaxed) == 0)
        #expect(reads.load(ordering: .relaxed) > 0)
        #expect(try mapped.size() == 64 + growths)
        // Views are looked at in batches of 32; a handle that kept them would hold a million.
        #expect(mostViews.load(ordering: .relaxed) <= 256, "views held: \(mostViews.load(ordering: .relaxed))")
        #expect(mostMappings.load(ordering: .relaxed) <= 8, "mappings held: \(mostMappings.load(ordering: .relaxed))")
        #expect(mappingCount() - mapsAfterWarmUp.load(ordering: .relaxed) < 50)
        // What the handle holds is the exact measure of its memory: the process's resident
        // memory is shared with the suites running beside this one, and moved by them.
        try mapped.close()
        #expect(mapped.heldViewsAndMappings.views <= 256)
    }

    /// Growth that cannot happen in place (the address space after the mapping is taken)
    /// replaces the mapping; the old one is unmapped once no reader names it.
    @Test func replacedMappingsAreUnmappedWhileReadersRun() throws {
        let file = TemporaryFile().create(pattern(64))
        let mapped = try MappedFile(path: file.path)
        // Each replacement grows the file to the end of the reserved room (which grows by a
        // quarter), so 30 reach about 1.5 GiB, sparse.
        let replacements = 30
        let stop = Atomic<Bool>(false)
        let wrongReads = Atomic<Int>(0)
        let mostMappings = Atomic<Int>(0)
        let blockers = Mutex<[UInt]>([])
        let failedResizes = Mutex<[String]>([])
        onThreads(3) { index in
            if index == 0 {
                defer { stop.store(true, ordering: .releasing) }
                for _ in 0..<replacements {
                    // Take the page right after the mapping's address space, then grow past it.
                    // (Often another mapping is there already: mmap places new ones downward.)
                    guard let start = try? mapped.withUnsafeBytes({ UInt(bitPattern: $0.baseAddress!) }),
                        let end = mappingEnd(containing: start)
                    else {
                        wrongReads.add(1, ordering: .relaxed)
                        return
                    }
                    let blocker = mmap(
                        UnsafeMutableRawPointer(bitPattern: end), 4096, PROT_NONE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0)
                    if let blocker, blocker != MAP_FAILED {
                        blockers.withLock { $0.append(UInt(bitPattern: blocker)) }
                    } else if errno != EEXIST {
                        wrongReads.add(1, ordering: .relaxed)
                        return
                    }
                    do {
                        try mapped.resize(to: Int(end - start) + 4096)
                    } catch {
                        failedResizes.withLock { $0.append("\(error)") }
                    }
                    // Growth in place publishes views too (so retired views reach a batch).
                    for _ in 0..<8 {
                        do {
                            try mapped.resize(to: try mapped.size() + 1)
                        } catch {
                            failedResizes.withLock { $0.append("\(error)") }
                        }
                    }
                    let held = mapped.heldViewsAndMappings.mappings
                    mostMappings.store(max(mostMappings.load(ordering: .relaxed), held), ordering: .relaxed)
                }
                return
            }
            var generator = SplitMix64(seed: UInt64(index))
            var word: UInt64 = 0
            let expected = pattern(64)
            while !stop.load(ordering: .acquiring) {
                let offset = Int(generator.next() % 56)
                withUnsafeMutableBytes(of: &word) { buffer in
                    if (try? mapped.read(into: buffer, at: offset)) == nil
                        || Array(buffer) != Array(expected[offset..<(offset + 8)])
                    {
                        wrongReads.add(1, ordering: .relaxed)
                    }
                }
            }
        }
        #expect(wrongReads.load(ordering: .relaxed) == 0)
        #expect(failedResizes.withLock { $0 } == [])
        // Looked at every 32 replaced views: a handle that kept its mappings would hold 31.
        #expect(mostMappings.load(ordering: .relaxed) <= 8, "mappings held: \(mostMappings.load(ordering: .relaxed))")
        let mapsOfTheFile = readWholeFile("/proc/self/maps").split(separator: "\n").filter { $0.hasSuffix(file.path) }
            .count
        #expect(mapsOfTheFile <= 8, "\(mapsOfTheFile) areas of the file are mapped")
        #expect(try mapped.read(at: 0, count: 64) == pattern(64))
        blockers.withLock { for blocker in $0 { munmap(UnsafeMutableRawPointer(bitPattern: blocker), 4096) } }
    }

    @Test func lockCoversTheFileAfterRefreshAndResize() throws {
        let file = TemporaryFile().create(pattern(16 * 4096))
        let mapped = try MappedFile(path: file.path, options: OpenOptions(lock: true))
        let privately = TemporaryFile().create(pattern(16 * 4096))
        let privateMapping = try MappedFile(path: privately.path, options: OpenOptions(sharing: .private, lock: true))
        // Sanitizer runtimes intercept mlock and do nothing, so only a plain build can see the lock.
        let check = !runningUnderSanitizer
        if check { #expect(try lockedKiB(of: mapped) == 64) }

        // Another process grows the file far past the room reserved at open: a new mapping.
        // (Sizes stay small: RLIMIT_MEMLOCK is 8 MiB for a user without CAP_IPC_LOCK.)
        file.truncateExternally(to: 2 << 20)
        #expect(try mapped.refresh() == .grew(from: 16 * 4096, to: 2 << 20))
        if check { #expect(try lockedKiB(of: mapped) == 2048) }

        try mapped.resize(to: 3 << 20)
        if check { #expect(try lockedKiB(of: mapped) == 3072) }

        try privateMapping.write([7], at: 0)
        try privateMapping.resize(to: 1 << 20)  // rebuilt in anonymous memory
        if check { #expect(try lockedKiB(of: privateMapping) == 1024) }
        #expect(try privateMapping.read(at: 0, count: 1) == [7])
    }

    /// A fault in a private mapping is on a page past the end of the file (the kernel itself
    /// drops private edits past a new end, as POSIX asks), so the repair must map the file
    /// again there and nowhere else: edits below the end survive every fault and repair,
    /// also when faults and repairs on other threads race.
    @Test func aPrivateMappingKeepsItsEditsWhenFaultsAreRepaired() throws {
        let pages = 64
        let kept = 16
        let file = TemporaryFile().create(pattern(pages * 4096))
        let mapped = try MappedFile(path: file.path, options: OpenOptions(sharing: .private))
        let edits = (0..<kept).map { Array("private edit \($0)".utf8) }
        for page in 0..<kept { try mapped.write(edits[page], at: page * 4096 + 100) }
        file.truncateExternally(to: kept * 4096)
        for page in [kept + 6, kept + 9, kept, pages - 1] {
            #expect(mapError { _ = try mapped.read(at: page * 4096, count: 8) } == .busError)
        }
        // Faults on three threads, each repaired by the thread that met it, while a fourth
        // keeps reading the edits.
        let wrong = Atomic<Int>(0)
        let unexpected = Atomic<Int>(0)
        let stop = Atomic<Bool>(false)
        onThreads(4) { index in
            if index == 0 {
                var round = 0
                while !stop.load(ordering: .acquiring) || round < 200 {
                    let page = round % kept
                    if let bytes = try? mapped.read(at: page * 4096 + 100, count: edits[page].count),
                        bytes != edits[page]
                    {
                        wrong.add(1, ordering: .relaxed)
                    }
                    round += 1
                }
                return
            }
            var generator = SplitMix64(seed: UInt64(index))
            for _ in 0..<300 {
                let page = kept + Int(generator.next() % UInt64(pages - kept))
                if mapError({ _ = try mapped.read(at: page * 4096, count: 8) }) != .busError {
                    unexpected.add(1, ordering: .relaxed)
                }
            }
            if index == 1 { stop.store(true, ordering: .releasing) }
        }
        #expect(wrong.load(ordering: .relaxed) == 0)
        #expect(unexpected.load(ordering: .relaxed) == 0)
        // Many faults in one guarded scope, in separate runs of pages, repaired at once.
        let faults = mapError {
            _ = try mapped.withUnsafeBytes { bytes in stride(from: kept + 1, to: pages, by: 3).map { bytes[$0 * 4096] }
            }
        }
        #expect(faults == .busError)
        for page in 0..<kept {
            #expect(try mapped.read(at: page * 4096 + 100, count: edits[page].count) == edits[page])
        }
        // Faults again: not zeros.
        #expect(mapError { _ = try mapped.read(at: (kept + 4) * 4096, count: 8) } == .busError)
        #expect(file.bytes == Array(pattern(pages * 4096)[0..<(kept * 4096)]))  // the file never saw the edits
    }

    /// More separate runs of patched pages between two repairs than the poison record
    /// remembers (64): the private mapping is mapped again from the lowest patched page up.
    /// That page lay past the end of the file, so the edits below it survive here too.
    @Test func pastSixtyFourSeparateFaultsAPrivateRepairStartsAtTheLowestPatchedPage() throws {
        let pages = 300
        let file = TemporaryFile().create(pattern(pages * 4096))
        let mapped = try MappedFile(path: file.path, options: OpenOptions(sharing: .private))
        try mapped.write(Array("first".utf8), at: 2 * 4096)
        try mapped.write(Array("last".utf8), at: 99 * 4096)
        file.truncateExternally(to: 100 * 4096)
        let faults = mapError {
            _ = try mapped.withUnsafeBytes { bytes in stride(from: 100, to: 280, by: 2).map { bytes[$0 * 4096] } }
        }
        #expect(faults == .busError)
        #expect(try mapped.read(at: 2 * 4096, count: 5) == Array("first".utf8))
        #expect(try mapped.read(at: 99 * 4096, count: 4) == Array("last".utf8))
        for page in [100, 101, 150, 299] {  // mapped again from the file: they fault, never read as zeros
            #expect(mapError { _ = try mapped.read(at: page * 4096, count: 8) } == .busError)
        }
    }
}

/// KiB of `file`'s mapped bytes that are locked in memory: the size of the areas of
/// /proc/self/smaps inside the mapped size whose `VmFlags` say `lo` (mlock'd). (Its `Locked:`
/// lines count a page shared by two locked mappings half in each.)
func lockedKiB(of file: MappedFile) throws -> Int {
    let size = try file.size()
    let start = try file.withUnsafeBytes { UInt(bitPattern: $0.baseAddress!) }
    let end = (start + UInt(size) + 4095) & ~4095
    var total = 0
    var area: (UInt, UInt)?
    for line in readWholeFile("/proc/self/smaps").split(separator: "\n") {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = fields.first else { continue }
        if first.contains("-") && !first.hasSuffix(":") {
            let bounds = first.split(separator: "-").compactMap { UInt($0, radix: 16) }
            area = bounds.count == 2 && bounds[0] >= start && bounds[1] <= end ? (bounds[0], bounds[1]) : nil
        } else if first == "VmFlags:", let (low, high) = area, fields.contains("lo") {
            total += Int((high - low) / 1024)
        }
    }
    return total
}

/// A file's whole text by read(2) until the end (Foundation stops after one block of a /proc file).
func readWholeFile(_ path: String) -> String {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return "" }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var block = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { break }
        bytes += block[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// The end of the /proc/self/maps area that starts at `start`.
func mappingEnd(containing start: UInt) -> UInt? {
    for line in readWholeFile("/proc/self/maps").split(separator: "\n") {
        guard let range = line.split(separator: " ").first else { continue }
        let bounds = range.split(separator: "-").compactMap { UInt($0, radix: 16) }
        if bounds.count == 2 && bounds[0] == start { return bounds[1] }
    }
    return nil
}
