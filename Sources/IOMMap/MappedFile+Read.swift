import CIOMMap
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension MappedFile {
    /// Copies `count` bytes at `offset` (pread). The range must lie inside the mapped size.
    ///
    /// The safe way to read: lock-free, guarded against SIGBUS, and never half of a
    /// concurrent write through this handle. `count` 0 at `size()` is an empty read.
    ///
    /// - Throws: ``MapError/closed``, ``MapError/accessDenied`` (a `.write` handle),
    ///   ``MapError/outOfBounds(offset:count:size:)``, or ``MapError/busError`` when another
    ///   process shrank the file below the range.
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
    /// retries if a write, resize or close ran meanwhile. Inlinable for up to
    /// 16 bytes: small random reads are the hot path, and a call boundary costs
    /// as much as the copy. Large reads of a shared mapping skip the file's
    /// holes (see `nextData(in:)`).
    ///
    /// - Parameters:
    ///   - buffer: Where the bytes go; its `count` is how many to read.
    ///   - offset: The file offset of the first byte.
    /// - Throws: The errors of ``read(at:count:)``.
    @inlinable
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(MapError) {
        if _fastPath(buffer.count <= 16) {
            if _fastPath(iommap_read_published(published, buffer.baseAddress, offset, buffer.count) == 0) {
                return
            }
        }
        try readOutOfLine(into: buffer, at: offset)
    }

    /// Everything `read(into:at:)` does not inline: larger reads, retries and errors.
    @usableFromInline
    func readOutOfLine(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(MapError) {
        if buffer.count >= Self.holeSkippingReadSize && sharing == .shared {
            return try readSkippingHoles(into: buffer, at: offset)
        }
        try copyFromMapping(into: buffer, at: offset)
    }

    /// The seqlock copy behind `read(into:at:)`, with its retries and its errors.
    func copyFromMapping(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(MapError) {
        var attempt = ReadAttempt()
        while true {
            let status = iommap_read_published_outline(published, buffer.baseAddress, offset, buffer.count)
            if try attempt.finished(status, self, offset: offset, count: buffer.count) { return }
        }
    }

    /// Reads `width` bytes at each of `offsets` into consecutive `width`-byte slots of `buffer`
    /// (a gather): the batch form of `read(into:at:)` for many small reads (an inspector, a
    /// search that checks candidates). Each group of up to 4096 offsets is read in one seqlock
    /// section, so it never mixes bytes from before and after a concurrent write.
    /// `buffer` must hold `offsets.count * width` bytes. The first offset out of bounds throws
    /// (slots before it may have been filled).
    ///
    /// - Throws: ``MapError/invalidArgument(_:)`` for a negative `width` or a `buffer` too
    ///   small; otherwise the errors of ``read(at:count:)``.
    public func read(into buffer: UnsafeMutableRawBufferPointer, atEach offsets: UnsafeBufferPointer<Int>, width: Int)
        throws(MapError)
    {
        guard width >= 0 else { throw .invalidArgument("width \(width) is negative") }
        let (needed, overflow) = offsets.count.multipliedReportingOverflow(by: width)
        guard !overflow, buffer.count >= needed else {
            throw .invalidArgument(
                "the buffer holds \(buffer.count) bytes, the gather needs \(overflow ? Int.max : needed)")
        }
        guard let destination = buffer.baseAddress, let first = offsets.baseAddress else { return }
        let group = 4096
        var start = 0
        while start < offsets.count {
            let count = min(group, offsets.count - start)
            var attempt = ReadAttempt()
            while true {
                var refused = 0
                let status = iommap_gather_published(
                    published, destination + start * width, first + start, count, width, &refused)
                let offset = Int(status) == Int(IOMMAP_READ_REFUSED) ? first[start + refused] : first[start]
                if try attempt.finished(status, self, offset: offset, count: width) { break }
            }
            start += count
        }
    }

    /// `read(into:atEach:width:)` for offsets in an array.
    public func read(into buffer: UnsafeMutableRawBufferPointer, atEach offsets: [Int], width: Int) throws(MapError) {
        let result = offsets.withUnsafeBufferPointer { offsets in
            Result { () throws(MapError) in try read(into: buffer, atEach: offsets, width: width) }
        }
        try result.get()
    }

    /// A zero-copy view of `count` bytes at `offset`.
    ///
    /// The region keeps its mapping alive after `close()` and `resize`. It is a
    /// raw view: if another process shrinks the file, touching the lost pages
    /// through it faults like any mapped memory. The copying reads are the safe path.
    ///
    /// - Throws: ``MapError/closed``, ``MapError/accessDenied`` (a `.write` handle), or
    ///   ``MapError/outOfBounds(offset:count:size:)``.
    public func region(at offset: Int, count: Int) throws(MapError) -> MappedRegion {
        try withOpenState(writing: false) { (state) throws(MapError) in
            guard rangeFits(offset: offset, count: count, size: state.size) else {
                throw .outOfBounds(offset: offset, count: count, size: state.size)
            }
            return MappedRegion(
                mapping: state.mapping, start: UnsafeRawPointer(state.mapping.base + offset), count: count)
        }
    }

    /// The offset of the first occurrence of `pattern` lying wholly inside `range`, or nil.
    ///
    /// - Throws: ``MapError/invalidArgument(_:)`` for an empty pattern; otherwise the errors
    ///   of ``read(at:count:)`` for `range`.
    public func find(_ pattern: [UInt8], in range: Range<Int>) throws(MapError) -> Int? {
        try search(pattern, in: range, backward: false)
    }

    /// The offset of the last occurrence of `pattern` lying wholly inside `range`, or nil.
    ///
    /// - Throws: As ``find(_:in:)``.
    public func findLast(_ pattern: [UInt8], in range: Range<Int>) throws(MapError) -> Int? {
        try search(pattern, in: range, backward: true)
    }

    /// Compares `bytes` with the mapped bytes at `offset`: -1, 0 or 1, like memcmp.
    ///
    /// - Throws: The errors of ``read(at:count:)`` for `bytes.count` bytes at `offset`.
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
                throw .outOfBounds(
                    offset: range.lowerBound, count: count.overflow ? Int.max : count.partialValue, size: state.size)
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

    /// Waits for a writer to finish: spin briefly, then yield the processor, then wait for
    /// the lock (a long change, such as a mutable scope, holds it throughout).
    func backOff(_ spins: inout Int) {
        spins += 1
        if spins > 1024 {
            state.withLock { _ in }
        } else if spins > 64 {
            sched_yield()
        }
    }
}

/// What a lock-free read does after each attempt: retry, repair, or say what went wrong.
struct ReadAttempt {
    private var spins = 0
    private var repairs = 0

    init() {
        // Forget a fault an abandoned inline attempt may have left on this thread.
        _ = iommap_take_fault_address()
    }

    /// True when the read is done; false to try again; throws its error.
    mutating func finished(_ status: CInt, _ file: MappedFile, offset: Int, count: Int) throws(MapError) -> Bool {
        switch Int(status) {
        case Int(IOMMAP_READ_DONE):
            return true
        case Int(IOMMAP_READ_UNREGISTERED):
            _ = iommap_thread_register()
        case Int(IOMMAP_READ_REFUSED):
            // Closed, write-only or out of bounds: say which, under the lock (the view may
            // have changed since; then read again).
            try file.state.withLock { (state) throws(MapError) in
                guard !state.isClosed else { throw .closed }
                guard file.mode.allowsReading else { throw .accessDenied }
                guard rangeFits(offset: offset, count: count, size: state.size) else {
                    throw .outOfBounds(offset: offset, count: count, size: state.size)
                }
            }
        case Int(IOMMAP_READ_FAULTED):
            let address = iommap_take_fault_address()
            // Another thread's patch (this read did not fault itself): the bytes may be its
            // zeros, so repair and read again, a few times at most.
            if address == nil && repairs < 8 {
                repairs += 1
                _ = file.recoverFromFault(at: nil)
                return false
            }
            throw file.recoverFromFault(at: address)
        default:  // IOMMAP_READ_RETRY
            if iommap_poison_test(file.poison) != 0 {
                _ = iommap_take_fault_address()
                _ = file.recoverFromFault(at: nil)  // a patch left behind must not fail the retry
            } else {
                file.backOff(&spins)
            }
        }
        return false
    }
}
