/// A zero-copy view of mapped bytes: a collection of `UInt8` indexed from 0.
///
/// It keeps its mapping alive after the handle is closed or resized. It is a
/// raw view: if another process shrinks the file, reading the lost pages
/// through it faults (SIGBUS) like any mapped memory; use the handle's copying
/// reads where that can happen.
///
/// The bytes are live, not a copy: a region shows what its mapping holds when it is read,
/// and may see a write that another thread is making half done.
public struct MappedRegion: RandomAccessCollection, @unchecked Sendable {
    private let mapping: Mapping
    private let start: UnsafeRawPointer
    /// The number of bytes in the view, fixed when it was taken.
    public let count: Int

    init(mapping: Mapping, start: UnsafeRawPointer, count: Int) {
        self.mapping = mapping
        self.start = start
        self.count = count
    }

    /// Always 0: a region is indexed from its own first byte, not by file offset.
    public var startIndex: Int { 0 }
    /// The same as ``count``.
    public var endIndex: Int { count }

    /// The byte at `position` (0 is the region's first byte); traps outside `0..<count`.
    ///
    /// A plain load from mapped memory, outside the SIGBUS guard: if another process has cut
    /// the page it lies on, the signal is not caught and by default the process dies.
    public subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < count, "MappedRegion index out of range")
        return start.load(fromByteOffset: position, as: UInt8.self)
    }

    /// Calls `body` with the region's bytes; the pointer must not escape `body`.
    ///
    /// The bytes are read without the SIGBUS guard, as through the subscript.
    public func withUnsafeBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withExtendedLifetime(mapping) { () throws(Failure) -> Result in
            try body(UnsafeRawBufferPointer(start: start, count: count))
        }
    }

    /// Calls `body` with the region's bytes as a buffer of `UInt8` (a region is always
    /// contiguous, so this never returns nil); the pointer must not escape `body`.
    public func withContiguousStorageIfAvailable<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result? {
        try withExtendedLifetime(mapping) {
            try body(UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count))
        }
    }
}
