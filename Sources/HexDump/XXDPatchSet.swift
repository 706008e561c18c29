/// The writes a reversed dump makes to a file, collected before any of them touch it.
///
/// `hexmap dump -r DUMP FILE` parses the whole dump into a patch set first and only then resizes
/// and writes the file, so a dump that fails half-way leaves the file as it was. Later runs win
/// where runs overlap, as they would when written in order.
public struct XXDPatchSet: XXDReverseSink {
    public struct Run: Equatable, Sendable {
        /// Where the run goes in the file.
        public var position: Int
        /// Its bytes, as a range of `XXDPatchSet.bytes`.
        public var storage: Range<Int>
    }

    public private(set) var runs: [Run] = []
    public private(set) var bytes: [UInt8] = []
    /// One past the last byte written: the size the file must have at least.
    public private(set) var end = 0

    public init() {}

    public var isSeekable: Bool { true }

    public mutating func write(_ chunk: UnsafeRawBufferPointer, at position: Int) throws(XXDReverseError) {
        let start = bytes.count
        bytes.append(contentsOf: chunk)
        if let last = runs.last, last.position + last.storage.count == position, last.storage.upperBound == start {
            runs[runs.count - 1].storage = last.storage.lowerBound..<bytes.count
        } else {
            runs.append(Run(position: position, storage: start..<bytes.count))
        }
        end = max(end, position + chunk.count)
    }

    /// Applies the runs in order through `write(bytes, position)`.
    public func apply<Failure: Error>(
        _ write: (UnsafeRawBufferPointer, Int) throws(Failure) -> Void
    ) throws(Failure) {
        // withUnsafeBytes only rethrows untyped errors, so the typed one is carried out by hand.
        var failure: Failure?
        bytes.withUnsafeBytes { all in
            for run in runs {
                do throws(Failure) {
                    try write(UnsafeRawBufferPointer(rebasing: all[run.storage]), run.position)
                } catch {
                    failure = error
                    return
                }
            }
        }
        if let failure { throw failure }
    }
}
