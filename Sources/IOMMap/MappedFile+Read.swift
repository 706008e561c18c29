#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CIOMMap
import Synchronization

extension MappedFile {
    /// Copies `count` bytes at `offset` (pread). The range must lie inside the mapped size.
    public func read(at offset: Int, count: Int) throws(MapError) -> [UInt8] {
        // Check before allocating, so a huge count is an error, not a failed allocation.
        let size = try size()
        guard rangeFits(offset: offset, count: count, size: size) else {
            throw .outOfBounds(offset: offset, count: count, size: size)
        }
        var failure: MapError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(MapError) {
                try read(into: UnsafeMutableRawBufferPointer(buffer), at: offset)
                initialized = count
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// Copies `buffer.count` bytes at `offset` into `buffer`: the allocation-free read.
    ///
    /// Lock-free: it copies between two loads of the sequence counter and
    /// retries if a write, resize or close ran meanwhile. Inlinable: small
    /// random reads are the hot path, and a call boundary costs as much as the copy.
    /// Large reads of a shared mapping skip the file's holes (see `nextData(in:)`).
    @inlinable
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(MapError) {
        if buffer.count >= Self.holeSkippingReadSize && sharing == .shared {
            return try readSkippingHoles(into: buffer, at: offset)
        }
        try copyFromMapping(into: buffer, at: offset)
    }

    /// The seqlock copy behind `read(into:at:)`.
    @inlinable
    func copyFromMapping(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(MapError) {
        let count = buffer.count
        var spins = 0
        while true {
            let before = sequence.load(ordering: .acquiring)
            if before & 1 == 1 {
                backOff(&spins)
                continue
            }
            guard !publishedClosed.load(ordering: .relaxed) else { throw .closed }
            guard mode.allowsReading else { throw .accessDenied }
            let view = currentView.pointee
            guard rangeFits(offset: offset, count: count, size: view.size) else {
                if sequence.load(ordering: .acquiring) != before { continue }
                throw .outOfBounds(offset: offset, count: count, size: view.size)
            }
            guard count > 0, let destination = buffer.baseAddress else { return }
            let source = UnsafeRawPointer(view.base + offset)
            let faulted = iommap_guarded_copy_inline(destination, source, count, guardRange(source, count))
            atomicMemoryFence(ordering: .acquiring)
            if sequence.load(ordering: .relaxed) != before {
                if faulted != 0 { _ = recoverFromFault() }  // a patch left behind must not fail the retry
                continue
            }
            if faulted != 0 {
                throw recoverFromFault()
            }
            return
        }
    }

    /// A zero-copy view of `count` bytes at `offset`.
    ///
    /// The region keeps its mapping alive after `close()` and `resize`. It is a
    /// raw view: if another process shrinks the file, touching the lost pages
    /// through it faults like any mapped memory. The copying reads are the safe path.
    public func region(at offset: Int, count: Int) throws(MapError) -> MappedRegion {
        try withOpenState(writing: false) { (state) throws(MapError) in
            guard rangeFits(offset: offset, count: count, size: state.size) else {
                throw .outOfBounds(offset: offset, count: count, size: state.size)
            }
            return MappedRegion(mapping: state.mapping, start: UnsafeRawPointer(state.mapping.base + offset), count: count)
        }
    }

    /// The offset of the first occurrence of `pattern` lying wholly inside `range`, or nil.
    public func find(_ pattern: [UInt8], in range: Range<Int>) throws(MapError) -> Int? {
        try search(pattern, in: range, backward: false)
    }

    /// The offset of the last occurrence of `pattern` lying wholly inside `range`, or nil.
    public func findLast(_ pattern: [UInt8], in range: Range<Int>) throws(MapError) -> Int? {
        try search(pattern, in: range, backward: true)
    }

    /// Compares `bytes` with the mapped bytes at `offset`: -1, 0 or 1, like memcmp.
    public func compare(_ bytes: [UInt8], at offset: Int) throws(MapError) -> Int {
        try withOpenState(writing: false) { (state) throws(MapError) in
            guard rangeFits(offset: offset, count: bytes.count, size: state.size) else {
                throw .outOfBounds(offset: offset, count: bytes.count, size: state.size)
            }
            guard !bytes.isEmpty else { return 0 }
            let mapped = UnsafeRawPointer(state.mapping.base + offset)
            var order: CInt = 0
            let faulted = bytes.withUnsafeBytes { other in
                iommap_guarded_compare(mapped, other.baseAddress!, bytes.count, &order, guardRange(mapped, bytes.count))
            }
            if faulted != 0 {
                throw recoverUnderLock(&state)
            }
            return Int(order)
        }
    }

    private func search(_ pattern: [UInt8], in range: Range<Int>, backward: Bool) throws(MapError) -> Int? {
        guard !pattern.isEmpty else { throw .invalidArgument("the search pattern is empty") }
        return try withOpenState(writing: false) { (state) throws(MapError) -> Int? in
            // Bounds first: `range.count` itself overflows for ranges like -1..<Int.max.
            guard range.lowerBound >= 0, range.upperBound <= state.size else {
                let count = range.upperBound.subtractingReportingOverflow(range.lowerBound)
                throw .outOfBounds(offset: range.lowerBound, count: count.overflow ? Int.max : count.partialValue, size: state.size)
            }
            guard range.count >= pattern.count else { return nil }
            let haystack = UnsafeRawPointer(state.mapping.base + range.lowerBound)
            var found = 0
            let faulted = pattern.withUnsafeBytes { needle in
                iommap_guarded_find(
                    haystack, range.count, needle.baseAddress!, pattern.count, backward ? 1 : 0, &found,
                    guardRange(haystack, range.count))
            }
            if faulted != 0 {
                throw recoverUnderLock(&state)
            }
            return found == Int(bitPattern: UInt.max) ? nil : range.lowerBound + found
        }
    }

    /// Waits for a writer to finish: spin briefly, then yield the processor.
    @usableFromInline
    func backOff(_ spins: inout Int) {
        spins += 1
        if spins > 64 { sched_yield() }
    }
}
