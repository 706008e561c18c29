import CIOMMap
import SystemPackage

/// Sparse files: finding the data between holes, reserving room, and making holes.
///
/// A hole reads as zeros without being stored. Reading one through a shared mapping is free
/// on most file systems, but on tmpfs it allocates memory for every page touched, so scans
/// that skip holes keep a sparse file sparse (and cannot fill a small tmpfs).
extension MappedFile {
    /// Reads of at least this many bytes (64 KiB) skip the file's holes instead of touching
    /// their pages.
    public static let holeSkippingReadSize = 64 << 10

    /// The first stretch of the file's data inside `range`, or nil when the rest of `range`
    /// is holes. On a file system that cannot tell (no `SEEK_DATA`), and on a private mapping
    /// (whose pages may differ from the file's), all of `range` is data.
    /// The corresponding C function is `lseek(SEEK_DATA / SEEK_HOLE)`.
    ///
    /// - Throws: ``MapError/closed``, ``MapError/accessDenied`` (a `.write` handle), or
    ///   ``MapError/outOfBounds(offset:count:size:)``.
    public func nextData(in range: Range<Int>) throws(MapError) -> Range<Int>? {
        try withOpenState(writing: false) { (state) throws(MapError) -> Range<Int>? in
            guard range.lowerBound >= 0, range.upperBound <= state.size else {
                throw .outOfBounds(offset: range.lowerBound, count: range.count, size: state.size)
            }
            guard !range.isEmpty else { return nil }
            guard sharing == .shared else { return range }
            let start: Int
            switch systemSeekData(state.descriptor, range.lowerBound, hole: false) {
            case .success(let offset): start = offset
            case .failure(.noSuchAddressOrDevice):
                // No data after the offset, or the offset lies past the end of a file that
                // another process shrank: those bytes are not zeros, reading them must fault.
                let fileSize = (try? systemFileSize(state.descriptor).get(orThrow: "fstat").size) ?? 0
                return fileSize < range.upperBound ? range : nil
            case .failure:
                return range
            }
            guard start < range.upperBound else { return nil }
            switch systemSeekData(state.descriptor, start, hole: true) {
            case .success(let end): return start..<min(max(end, start + 1), range.upperBound)
            case .failure: return start..<range.upperBound
            }
        }
    }

    /// Reserves the file's blocks for `count` bytes at `offset`, so that writing there later
    /// cannot fail for want of space. Returns false when the file system cannot reserve (then
    /// nothing changed); throws `.system(…, .noSpace)` when the space is not there. Bytes
    /// and size never change. A successful no-op on a private mapping.
    /// The corresponding C function is `fallocate` (Linux) or `posix_fallocate`.
    ///
    /// - Throws: ``MapError/closed``, ``MapError/accessDenied`` (a `.read` handle),
    ///   ``MapError/outOfBounds(offset:count:size:)``, or ``MapError/system(operation:errno:)``.
    @discardableResult
    public func allocate(offset: Int, count: Int) throws(MapError) -> Bool {
        try withOpenState(writing: true) { (state) throws(MapError) -> Bool in
            guard rangeFits(offset: offset, count: count, size: state.size) else {
                throw .outOfBounds(offset: offset, count: count, size: state.size)
            }
            guard sharing == .shared, count > 0 else { return true }
            switch systemAllocate(state.descriptor, offset, count) {
            case .success: return true
            case .failure(.notSupported), .failure(.notSupportedOnSocket), .failure(.invalidArgument):
                return false
            case .failure(let errno):
                throw .system(operation: "fallocate", errno: errno)
            }
        }
    }

    /// Sets `count` bytes at `offset` to zero. On a shared mapping the range becomes a hole
    /// where the file system can (its blocks are freed); elsewhere the bytes are written.
    /// The corresponding C function is `fallocate(FALLOC_FL_PUNCH_HOLE)`.
    ///
    /// - Throws: The errors of ``write(_:at:)``, or ``MapError/system(operation:errno:)`` when
    ///   punching the hole fails for a reason other than lack of support.
    public func zero(offset: Int, count: Int) throws(MapError) {
        try withOpenState(writing: true) { (state) throws(MapError) in
            guard rangeFits(offset: offset, count: count, size: state.size) else {
                throw .outOfBounds(offset: offset, count: count, size: state.size)
            }
            guard count > 0 else { return }
            if sharing == .shared {
                beginChange()
                let punched = systemPunchHole(state.descriptor, offset, count)
                endChange()
                switch punched {
                case .success: return
                case .failure(.notSupported), .failure(.notSupportedOnSocket), .failure(.invalidArgument): break
                case .failure(let errno): throw .system(operation: "fallocate(PUNCH_HOLE)", errno: errno)
                }
            }
            let destination = state.mapping.base + offset
            try changingBytes(&state) {
                iommap_guarded_fill(destination, 0, count, guardRange(destination, count))
            }
        }
    }

    /// `read(into:at:)` that never touches the pages of a hole, whatever the size: holes are
    /// zero-filled, data is copied through the mapping. `read(into:at:)` does this by itself
    /// for reads of `holeSkippingReadSize` or more; smaller reads that may cover holes on
    /// tmpfs (a dump's last block) call it directly, at the cost of two lseek(2) calls.
    ///
    /// - Throws: The errors of ``read(at:count:)``.
    public func readSkippingHoles(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(MapError) {
        let size = try size()
        guard rangeFits(offset: offset, count: buffer.count, size: size) else {
            throw .outOfBounds(offset: offset, count: buffer.count, size: size)
        }
        let end = offset + buffer.count
        var position = offset
        while position < end {
            let data = try nextData(in: position..<end) ?? end..<end
            let holeBytes = data.lowerBound - position
            if holeBytes > 0 {
                UnsafeMutableRawBufferPointer(rebasing: buffer[(position - offset)..<(data.lowerBound - offset)])
                    .initializeMemory(as: UInt8.self, repeating: 0)
            }
            if !data.isEmpty {
                let part = UnsafeMutableRawBufferPointer(
                    rebasing: buffer[(data.lowerBound - offset)..<(data.upperBound - offset)])
                try copyFromMapping(into: part, at: data.lowerBound)
            }
            position = max(data.upperBound, data.lowerBound)
        }
    }
}
