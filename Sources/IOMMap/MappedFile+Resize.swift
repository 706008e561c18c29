import CIOMMap

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension MappedFile {
    /// Sets the file's size (ftruncate) and remaps live: new bytes read as zero,
    /// old bytes stay, regions taken before stay valid.
    ///
    /// A shared mapping reserves room past the end of the file, so most growth
    /// needs no remap; beyond that, Linux grows it in place with `mremap`, and a
    /// new mapping is made only when the address space right after it is taken.
    /// A private mapping is rebuilt privately: the file never changes. A failed
    /// resize leaves the file at its old size and the handle as it was.
    ///
    /// It holds the handle's lock and is one change for lock-free readers, so no call through
    /// this handle runs on a half-resized mapping; the old mapping stays until no reader uses it.
    ///
    /// - Throws: ``MapError/closed``, ``MapError/accessDenied`` (a `.read` handle),
    ///   ``MapError/invalidArgument(_:)`` for a negative size,
    ///   ``MapError/system(operation:errno:)`` (`ftruncate`, `mmap`, `mlock`), or
    ///   ``MapError/busError`` when a private mapping's first resize cannot copy pages
    ///   another process cut from the file.
    public func resize(to newSize: Int) throws(MapError) {
        try withOpenState(writing: true) { (state) throws(MapError) in
            guard newSize >= 0 else { throw .invalidArgument("size \(newSize) is negative") }
            beginChange()
            defer { endChange() }
            repairAfterFault(&state)
            if sharing == .private {
                try resizePrivately(to: newSize, &state)
                // The rebuilt (or grown) anonymous mapping is locked as the old one was.
                if state.locksMemory && newSize > 0 {
                    try systemLock(state.mapping.base, pageCeiling(newSize)).get(orThrow: "mlock")
                }
                reclaimRetired(&state)
                return
            }
            let oldSize = state.size
            try systemTruncate(state.descriptor, newSize).get(orThrow: "ftruncate")
            do throws(MapError) {
                let mapping = try mappingWithRoom(for: newSize, &state)
                if state.locksMemory && (newSize > oldSize || mapping !== state.mapping) {
                    try systemLock(mapping.base, pageCeiling(newSize)).get(orThrow: "mlock")
                }
                publish(mapping, size: newSize, in: &state)
            } catch {
                _ = systemTruncate(state.descriptor, oldSize)
                throw error
            }
            // A reader that raced with a shrink may have faulted on the cut pages.
            repairAfterFault(&state)
            reclaimRetired(&state)
        }
    }

    /// Looks at the file's size again and follows it if another process grew or
    /// shrank it. Private mappings are the caller's own copy: always `.unchanged`.
    ///
    /// This is the way back after a ``MapError/busError``: once the handle maps the file's
    /// new size, reads below it succeed and reads past it throw
    /// ``MapError/outOfBounds(offset:count:size:)``. Any mode may call it.
    ///
    /// - Returns: Whether the size changed, with the old and the new size.
    /// - Throws: ``MapError/closed``, or ``MapError/system(operation:errno:)`` (`fstat`,
    ///   `mmap`, `mlock`).
    public func refresh() throws(MapError) -> SizeChange {
        try state.withLock { (state) throws(MapError) -> SizeChange in
            guard !state.isClosed else { throw .closed }
            beginChange()
            defer {
                endChange()
                reclaimRetired(&state)
            }
            repairAfterFault(&state)
            guard sharing == .shared else { return .unchanged }
            let fileSize = try systemFileSize(state.descriptor).get(orThrow: "fstat").size
            let oldSize = state.size
            guard fileSize != oldSize else { return .unchanged }
            let mapping = try mappingWithRoom(for: fileSize, &state)
            let replaced = mapping !== state.mapping
            publish(mapping, size: fileSize, in: &state)
            // `lock` covers the pages the file grew into, and all of a mapping that replaced
            // the old one (the size change stands even if the lock fails: the file did change).
            if state.locksMemory && fileSize > 0 && (fileSize > oldSize || replaced) {
                try systemLock(mapping.base, pageCeiling(fileSize)).get(orThrow: "mlock")
            }
            return fileSize > oldSize ? .grew(from: oldSize, to: fileSize) : .shrank(from: oldSize, to: fileSize)
        }
    }

    /// Maps the file again over pages the SIGBUS handler patched, so the next
    /// access faults again or sees the file's real bytes, never stale zeros.
    /// If that fails the poison stays set and every access keeps failing safely.
    ///
    /// Only the patched pages are mapped again, so a private mapping keeps its edits on every
    /// other page. (A fault in a private mapping is on a page past the end of the file, where
    /// the kernel has already dropped private edits, as POSIX asks; a repair that mapped the
    /// file again from offset 0, as a race here once did, dropped the edits below the end.)
    func repairAfterFault(_ state: inout State) {
        guard iommap_poison_test(poison) != 0, !state.isClosed else { return }
        var lowest: UInt = 0
        var runCount: UInt32 = 0
        var runs = [UInt](repeating: 0, count: Int(IOMMAP_POISON_RUNS) * 2)
        let mark = runs.withUnsafeMutableBufferPointer { runs in
            iommap_poison_begin_repair(poison, &lowest, runs.baseAddress!, &runCount)
        }
        let overflowed = runCount == UInt32.max
        let patched = overflowed ? [] : (0..<Int(runCount)).map { runs[2 * $0]..<runs[2 * $0 + 1] }
        // Past the end of the file now: where the kernel has already dropped private edits.
        let fileEnd =
            overflowed ? ((try? systemFileSize(state.descriptor).get(orThrow: "fstat").size).map(pageCeiling) ?? 0) : 0
        for mapping in knownMappings(state) where mapping.fileBacked > 0 {
            let base = UInt(bitPattern: mapping.base)
            let end = base + UInt(mapping.fileBacked)
            var ranges = patched
            if overflowed {
                // More runs than the record holds. A shared mapping is the file: map it all
                // again. A private one from its lowest patched page (every patched page lay
                // past the end of the file when it faulted, so no edit is lost), or, when that
                // page is in another mapping, from the current end of the file.
                if sharing == .shared {
                    ranges = [base..<end]
                } else if lowest >= base && lowest < end {
                    ranges = [lowest..<end]
                } else {
                    ranges = [(base + UInt(min(fileEnd, mapping.fileBacked)))..<end]
                }
            }
            for run in ranges {
                let start = max(run.lowerBound, base)
                let stop = min(run.upperBound, end)
                guard start < stop else { continue }
                let offset = Int(start - base)
                let flags = sharing == .shared ? (MAP_SHARED | MAP_FIXED) : (MAP_PRIVATE | MAP_FIXED | MAP_NORESERVE)
                let remapped = systemMap(
                    at: mapping.base + offset, length: Int(stop - start), protection: mode.protection,
                    flags: flags, descriptor: state.descriptor, offset: offset)
                guard case .success = remapped else { return }
            }
        }
        if state.locksMemory && state.size > 0 {
            _ = systemLock(state.mapping.base, pageCeiling(state.size))
        }
        iommap_poison_repaired(poison, mark)
    }

    /// Handles a fault seen by a lock-free reader or a guarded scope: repairs under the lock
    /// and says what the fault at `address` means.
    func recoverFromFault(at address: UnsafeRawPointer?) -> MapError {
        state.withLock { state in
            beginChange()
            repairAfterFault(&state)
            endChange()
            return faultError(at: address, state)
        }
    }

    /// Repairs as one change, so lock-free readers that copied patched zeros retry, and says
    /// what the fault means. Call under the lock, right after the guarded call that faulted.
    @discardableResult
    func recoverUnderLock(_ state: inout State) -> MapError {
        let address = iommap_take_fault_address()
        beginChange()
        repairAfterFault(&state)
        endChange()
        return faultError(at: address, state)
    }

    /// What a fault at `address` means. A page the file still covers, on a file system with no
    /// block left, is a hole that could not get one: no space. Anything else is a page another
    /// process cut (`.busError`), even when the file has grown back since.
    func faultError(at address: UnsafeRawPointer?, _ state: State) -> MapError {
        guard let address, !state.isClosed else { return .busError }
        let mappings = knownMappings(state)
        guard
            let mapping = mappings.first(where: {
                address >= UnsafeRawPointer($0.base) && address < UnsafeRawPointer($0.base + $0.capacity)
            }),
            mapping.fileBacked > 0,
            case .success(let file) = systemFileSize(state.descriptor)
        else { return .busError }
        let offset = address - UnsafeRawPointer(mapping.base)
        guard offset < pageCeiling(file.size), systemIsFull(state.descriptor) else { return .busError }
        return .system(operation: "page fault", errno: .noSpace)
    }

    /// The current shared mapping if `size` fits in it, else one with room (grown in place when possible).
    private func mappingWithRoom(for size: Int, _ state: inout State) throws(MapError) -> Mapping {
        let current = state.mapping
        guard pageCeiling(size) > current.capacity else { return current }
        let capacity = mappingCapacity(forSize: size, sharing: .shared)
        if case .success = systemRemapInPlace(current.base, from: current.capacity, to: capacity) {
            current.capacity = capacity
            current.fileBacked = capacity
            return current
        }
        let base = try systemMap(
            at: nil, length: capacity, protection: mode.protection, flags: MAP_SHARED,
            descriptor: state.descriptor, offset: 0
        ).get(orThrow: "mmap")
        return Mapping(base: base, capacity: capacity, fileBacked: capacity)
    }

    /// Resizes a private mapping without touching the file. The first resize
    /// moves its bytes into anonymous memory (a copy); after that the anonymous
    /// mapping shrinks by zeroing and releasing its tail, and grows in place
    /// (mremap) or, failing that, into a new mapping.
    private func resizePrivately(to newSize: Int, _ state: inout State) throws(MapError) {
        let current = state.mapping
        if current.fileBacked == 0 {
            if newSize < state.size {
                // Bytes past the end stay zero, so a later growth reads zeros as it must.
                (current.base + newSize).initializeMemory(as: UInt8.self, repeating: 0, count: state.size - newSize)
                let released = pageCeiling(newSize)
                if released < current.capacity {
                    _ = systemAdvise(current.base + released, current.capacity - released, MADV_DONTNEED)
                }
            }
            let needed = max(pageCeiling(newSize), systemPageSize)
            if needed <= current.capacity {
                publish(current, size: newSize, in: &state)
                return
            }
            let capacity = mappingCapacity(forSize: newSize, sharing: .shared)
            if case .success = systemRemapInPlace(current.base, from: current.capacity, to: capacity) {
                current.capacity = capacity
                publish(current, size: newSize, in: &state)
                return
            }
        }
        let capacity = mappingCapacity(forSize: newSize, sharing: .shared)
        let base = try systemMap(
            at: nil, length: capacity, protection: mode.protection,
            flags: MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, descriptor: -1, offset: 0
        ).get(orThrow: "mmap")
        let mapping = Mapping(base: base, capacity: capacity, fileBacked: 0)
        let kept = min(state.size, newSize)
        if kept > 0 {
            let source = UnsafeRawPointer(current.base)
            if iommap_guarded_copy(base, source, kept, guardRange(source, kept)) != 0 {
                let address = iommap_take_fault_address()
                repairAfterFault(&state)
                throw faultError(at: address, state)
            }
        }
        publish(mapping, size: newSize, in: &state)
    }
}
