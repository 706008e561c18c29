import Dispatch
import HexDump
import IOMMap

/// Formats one block of line-style output on two cores at once.
///
/// Without `-a` a line's text depends only on its bytes and offset, so a block that starts on a
/// line boundary can be cut at a line boundary and each half formatted by its own formatter. The
/// halves come back in order, ready for a single gathered write. Only the last block of a dump
/// can end inside a line; the second half's formatter flushes that line itself.
final class ParallelLineFormatter: @unchecked Sendable {  // each half is touched by one thread only
    let options: XXDOptions
    let columns: Int
    private let halves: [UnsafeMutableRawBufferPointer]
    /// Input halves for `formatMapped`, each filled by the thread that formats it.
    private let inputs: [UnsafeMutableRawBufferPointer]
    /// A failed copy out of the mapping, per half.
    private let failures = UnsafeMutablePointer<MapError?>.allocate(capacity: 2)
    /// Text length of each half; raw memory because the two threads store into it at once.
    private let lengths = UnsafeMutablePointer<Int>.allocate(capacity: 2)

    /// Whether `options` allow splitting: line styles without autoskip (whose zero runs span blocks).
    static func canSplit(_ options: XXDOptions) -> Bool {
        options.isLineStyle && !options.autoskip
    }

    /// A block size for this layout: about `target` bytes, whole lines only.
    static func blockSize(near target: Int, options: XXDOptions) -> Int {
        let columns = max(options.resolvedColumns, 1)
        return max(target / columns, 2) * columns
    }

    init(options: XXDOptions, blockSize: Int) {
        self.options = options
        columns = max(options.resolvedColumns, 1)
        let probe = XXDFormatter(options: options)
        let capacity = probe.outputCapacity(forInputCount: blockSize) + probe.finishCapacity
        halves = (0..<2).map { _ in UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 64) }
        lengths.initialize(repeating: 0, count: 2)
        inputs = (0..<2).map { _ in UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 64) }
        failures.initialize(repeating: nil, count: 2)
    }

    deinit {
        for half in halves { half.deallocate() }
        lengths.deallocate()
        for input in inputs { input.deallocate() }
        failures.deinitialize(count: 2)
        failures.deallocate()
    }

    /// Formats `block` (whose first byte is at file offset `offset`, on a line boundary) and
    /// returns the two pieces of text in order.
    func format(_ block: UnsafeRawBufferPointer, at offset: Int) -> [UnsafeRawBufferPointer] {
        let split = block.count / columns / 2 * columns
        let pieces = [
            Piece(bytes: UnsafeRawBufferPointer(rebasing: block[..<split]), offset: offset),
            Piece(bytes: UnsafeRawBufferPointer(rebasing: block[split...]), offset: offset + split),
        ]
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            var formatter = XXDFormatter(options: options)
            let output = halves[index]
            var written = formatter.format(pieces[index].bytes, at: pieces[index].offset, into: output)
            written += formatter.finish(into: UnsafeMutableRawBufferPointer(rebasing: output[written...]))
            lengths[index] = written
        }
        return (0..<2).map { UnsafeRawBufferPointer(rebasing: halves[$0][..<lengths[$0]]) }
    }

    /// Copies `count` bytes at `offset` out of `file` and formats them; each thread copies its own
    /// half, so page faults and copying run on both cores too.
    func formatMapped(_ file: MappedFile, count: Int, at offset: Int) throws(MapError) -> [UnsafeRawBufferPointer] {
        let split = count / columns / 2 * columns
        let offsets = [offset, offset + split]
        let counts = [split, count - split]
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let input = UnsafeMutableRawBufferPointer(rebasing: inputs[index][..<counts[index]])
            do throws(MapError) {
                try file.readSkippingHoles(into: input, at: offsets[index])
            } catch {
                failures[index] = error
                lengths[index] = 0
                return
            }
            var formatter = XXDFormatter(options: options)
            let output = halves[index]
            var written = formatter.format(UnsafeRawBufferPointer(input), at: offsets[index], into: output)
            written += formatter.finish(into: UnsafeMutableRawBufferPointer(rebasing: output[written...]))
            lengths[index] = written
        }
        for index in 0..<2 {
            if let failure = failures[index] {
                failures[index] = nil
                throw failure
            }
        }
        return (0..<2).map { UnsafeRawBufferPointer(rebasing: halves[$0][..<lengths[$0]]) }
    }

    /// Half a block; the caller keeps the block alive until `format` returns.
    private struct Piece: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
        let offset: Int
    }
}
