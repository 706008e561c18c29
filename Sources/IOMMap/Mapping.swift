/// One `mmap` of a file: an address range, unmapped when the last reference goes.
///
/// ARC is the reference count: the handle holds its current mapping, every
/// published view holds the mapping it shows (a replaced view lives until no
/// lock-free reader names it), and every `MappedRegion` and guarded scope holds
/// the mapping it views. So a region stays valid after `close()` and `resize`.
final class Mapping: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    /// Bytes of address space mapped: whole pages, possibly past the end of the
    /// file so that growth fits in place. Changed only under the handle's lock.
    var capacity: Int
    /// How many leading bytes the file backs. For a shared mapping that is the
    /// whole capacity; a private mapping rebuilt by `resize` is all anonymous (0).
    var fileBacked: Int

    init(base: UnsafeMutableRawPointer, capacity: Int, fileBacked: Int) {
        self.base = base
        self.capacity = capacity
        self.fileBacked = fileBacked
    }

    deinit {
        systemUnmap(base, capacity)
    }
}

/// Rounds down to a page boundary.
func pageFloor(_ value: Int) -> Int {
    value & ~(systemPageSize - 1)
}

/// Rounds up to a page boundary (values near Int.max saturate instead of trapping).
func pageCeiling(_ value: Int) -> Int {
    let (sum, overflow) = value.addingReportingOverflow(systemPageSize - 1)
    return overflow ? pageFloor(Int.max) : pageFloor(sum)
}

/// Whether `offset..<offset+count` lies inside `0..<size`, without overflowing.
@usableFromInline @inline(__always)
func rangeFits(offset: Int, count: Int, size: Int) -> Bool {
    offset >= 0 && count >= 0 && offset <= size && count <= size - offset
}
