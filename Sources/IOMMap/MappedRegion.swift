/// A zero-copy view of mapped bytes: a collection of `UInt8` indexed from 0.
///
/// It keeps its mapping alive after the handle is closed or resized. It is a
/// raw view: if another process shrinks the file, reading the lost pages
/// through it faults (SIGBUS) like any mapped memory; use the handle's copying
/// reads where that can happen.
public struct MappedRegion: RandomAccessCollection, @unchecked Sendable {
    private let mapping: Mapping
    private let start: UnsafeRawPointer
    public let count: Int

    init(mapping: Mapping, start: UnsafeRawPointer, count: Int) {
        self.mapping = mapping
        self.start = start
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < count, "MappedRegion index out of range")
        return start.load(fromByteOffset: position, as: UInt8.self)
    }

    /// Calls `body` with the region's bytes; the pointer must not escape `body`.
    public func withUnsafeBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withExtendedLifetime(mapping) { () throws(Failure) -> Result in
            try body(UnsafeRawBufferPointer(start: start, count: count))
        }
    }

    public func withContiguousStorageIfAvailable<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result? {
        try withExtendedLifetime(mapping) {
            try body(UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count))
        }
    }
}
