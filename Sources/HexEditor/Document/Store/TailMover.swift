import IOMMap

/// Moves a range of a shared mapping up or down (the tail of an insert or a delete), chunk
/// by chunk, so that a failure at any byte can be taken back.
///
/// The work goes in the order that never overwrites a byte before it has moved (from the top
/// when moving up). Before a chunk moves, its bytes are saved; so at any moment the file is
/// "the moved part, at its new place" + "the chunk in flight, saved" + "the rest, untouched",
/// and `undo` can put everything back. Holes move as holes: the destination of a hole is
/// punched rather than written, so a sparse file stays sparse (and a small tmpfs is not
/// filled by reading zeros through the mapping).
final class TailMover {
    /// Bytes moved per step; also the most memory the saved chunk takes.
    static let chunkSize = 1 << 20

    private let file: MappedFile
    /// The range to move, in the coordinates before the move.
    let range: Range<Int>
    /// How far it moves: positive is up (insert), negative down (delete).
    let distance: Int
    /// The part of `range` that has moved (at its new place now).
    private(set) var moved: Range<Int>

    /// The chunk being moved when a step failed, and its saved bytes (nil: it was a hole).
    /// Set only once the chunk may have changed: a chunk whose saving failed is untouched.
    private var inFlight: Range<Int>?
    private var saved: [UInt8]?
    /// Called before each step; tests cut the file or request a stop there, at a known point.
    var beforeStep: (() -> Void)?
    /// Where the progress goes, so that recovery can undo a shift cut off at any byte.
    var journal: ShiftJournal?

    init(file: MappedFile, range: Range<Int>, distance: Int) {
        self.file = file
        self.range = range
        self.distance = distance
        moved = distance > 0 ? range.upperBound..<range.upperBound : range.lowerBound..<range.lowerBound
    }

    /// A mover in the state a journal describes (recovery of a shift cut off by a crash):
    /// `moved` has moved, the chunk `inFlight` was moving, with its bytes `saved` (nil for a hole).
    init(file: MappedFile, range: Range<Int>, distance: Int, moved: Range<Int>, inFlight: Range<Int>?, saved: [UInt8]?)
    {
        self.file = file
        self.range = range
        self.distance = distance
        self.moved = moved
        self.inFlight = inFlight
        self.saved = saved
    }

    /// Moves the whole range. `stop` is looked at between steps. On a throw, `undo()` puts
    /// back what moved.
    func run(stop: StopRequest?) throws(EditorError) {
        guard !range.isEmpty, distance != 0 else { return }
        let segments = try Self.segments(of: range, in: file)
        let ordered = distance > 0 ? Array(segments.reversed()) : segments
        var sinceRelease = 0
        for segment in ordered {
            if !segment.isData {
                try step(segment.range, isData: false, stop: stop)
                continue
            }
            var remaining = segment.range
            while !remaining.isEmpty {
                let chunk: Range<Int>
                if distance > 0 {
                    chunk = max(remaining.lowerBound, remaining.upperBound - Self.chunkSize)..<remaining.upperBound
                    remaining = remaining.lowerBound..<chunk.lowerBound
                } else {
                    chunk = remaining.lowerBound..<min(remaining.upperBound, remaining.lowerBound + Self.chunkSize)
                    remaining = chunk.upperBound..<remaining.upperBound
                }
                try step(chunk, isData: true, stop: stop)
                sinceRelease += chunk.count
                if sinceRelease >= Document.streamingWindow {
                    releaseRecentWork()
                    sinceRelease = 0
                }
            }
        }
    }

    /// One chunk: save it, move it (or punch its destination when it is a hole), note it.
    private func step(_ chunk: Range<Int>, isData: Bool, stop: StopRequest?) throws(EditorError) {
        beforeStep?()
        try stop?.check()
        var bytes: [UInt8]?
        if isData {
            var read = [UInt8](repeating: 0, count: chunk.count)
            try mapped { () throws(MapError) in
                try read.withMutableBytes { (buffer) throws(MapError) in
                    try file.read(into: buffer, at: chunk.lowerBound)
                }
            }
            bytes = read
        }
        // The journal first: a crash during the move finds the chunk's bytes there.
        try journal?.willMove(chunk, saved: bytes)
        inFlight = chunk
        saved = bytes
        try mapped { () throws(MapError) in
            if isData {
                try file.move(from: chunk.lowerBound, to: chunk.lowerBound + distance, count: chunk.count)
            } else {
                try file.zero(offset: chunk.lowerBound + distance, count: chunk.count)
            }
        }
        moved = distance > 0 ? chunk.lowerBound..<moved.upperBound : moved.lowerBound..<chunk.upperBound
        inFlight = nil
        saved = nil
        try journal?.didMove(chunk)
    }

    /// Puts the moved part back and restores the chunk in flight, as far as the file still
    /// reaches. Returns how many leading bytes are now as they were before the move: the
    /// old end of the range when nothing is lost, less when another process cut the file
    /// meanwhile. Never throws: it is the way back from a failure, and does what can be done.
    func undo() -> Int {
        _ = try? file.refresh()  // another process may have cut the file
        let size = (try? file.size()) ?? 0
        if !moved.isEmpty {
            let now = (moved.lowerBound + distance)..<(moved.upperBound + distance)
            let reachable = now.clamped(to: 0..<size)
            if !reachable.isEmpty {
                let back = TailMover(file: file, range: reachable, distance: -distance)
                try? back.run(stop: nil)
            }
        }
        if let chunk = inFlight {
            let reachable = chunk.clamped(to: 0..<size)
            if !reachable.isEmpty {
                if let saved {
                    let part = saved[
                        (reachable.lowerBound - chunk.lowerBound)..<(reachable.upperBound - chunk.lowerBound)]
                    try? file.write(Array(part), at: reachable.lowerBound)
                } else {
                    try? file.zero(offset: reachable.lowerBound, count: reachable.count)
                }
            }
        }
        return keptSize(fileSize: size)
    }

    /// How much of the file survives an undo after another process cut it to `fileSize`.
    private func keptSize(fileSize: Int) -> Int {
        let end = range.upperBound
        let reach = max(end, end + distance)  // how far the file reached during the move
        guard fileSize < reach else { return end }
        // A byte at p survives if p is still in the file and, when it had moved, its moved
        // copy (at p + distance) was too.
        var kept = fileSize
        if distance > 0, !moved.isEmpty, fileSize - distance < moved.upperBound {
            kept = min(kept, max(moved.lowerBound, fileSize - distance))
        }
        return min(kept, end)
    }

    /// Drops from this process the pages of the last window of work, source and destination
    /// (a shared mapping: the page cache keeps them, dirty ones included).
    private func releaseRecentWork() {
        let window = Document.streamingWindow
        let recent =
            distance > 0
            ? moved.lowerBound..<min(moved.upperBound, moved.lowerBound + window)
            : max(moved.lowerBound, moved.upperBound - window)..<moved.upperBound
        let low = min(recent.lowerBound, recent.lowerBound + distance)
        let high = max(recent.upperBound, recent.upperBound + distance)
        try? file.advise(.dontNeed, offset: low, count: high - low)
    }

    // MARK: - Holes and data

    struct Segment: Equatable {
        var range: Range<Int>
        var isData: Bool
    }

    /// `range` cut into stretches of data and holes, in order.
    static func segments(of range: Range<Int>, in file: MappedFile) throws(EditorError) -> [Segment] {
        var result: [Segment] = []
        var position = range.lowerBound
        while position < range.upperBound {
            let data: Range<Int>
            do {
                data = try file.nextData(in: position..<range.upperBound) ?? range.upperBound..<range.upperBound
            } catch {
                throw EditorError(error)
            }
            if data.lowerBound > position { result.append(Segment(range: position..<data.lowerBound, isData: false)) }
            if !data.isEmpty { result.append(Segment(range: data, isData: true)) }
            position = max(data.upperBound, position + 1)
        }
        return result
    }
}

/// Where a `TailMover` reports its progress (the recovery journal).
protocol ShiftJournal: AnyObject {
    /// The chunk is about to move; `saved` holds its bytes (nil: it is a hole).
    func willMove(_ chunk: Range<Int>, saved: [UInt8]?) throws(EditorError)
    /// The chunk has moved.
    func didMove(_ chunk: Range<Int>) throws(EditorError)
}
