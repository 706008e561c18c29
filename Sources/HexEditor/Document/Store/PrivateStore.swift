import IOMMap

/// The file's bytes as this process alone sees them; the file never changes.
///
/// Overwrites go into a private (copy-on-write) mapping of the file, which costs a page of
/// memory per page touched. Insertions, deletions and growth never move the mapping's bytes:
/// they edit a list of pieces ("4 GiB of the file from 0, then 10 bytes in memory, then the
/// file from 4 GiB on"), so inserting one byte at the start of a 100 GiB file costs one
/// byte, and growth is a piece of zeros that costs nothing until written.
final class PrivateStore: ByteStore {
    /// Bytes this store owns (inserted or written over zeros); pieces refer to parts of them.
    final class Bytes {
        var storage: [UInt8]
        init(_ storage: [UInt8]) { self.storage = storage }
    }

    enum Source {
        /// The private mapping, from this offset.
        case file(Int)
        /// `Bytes` owned by the store, from this index.
        case memory(Bytes, Int)
        /// Zeros that take no memory.
        case zeros
    }

    struct Piece {
        var source: Source
        var count: Int

        /// The piece without its first `count` bytes.
        func dropping(_ skipped: Int) -> Piece {
            switch source {
            case .file(let offset): Piece(source: .file(offset + skipped), count: count - skipped)
            case .memory(let bytes, let start): Piece(source: .memory(bytes, start + skipped), count: count - skipped)
            case .zeros: Piece(source: .zeros, count: count - skipped)
            }
        }

        /// The first `kept` bytes of the piece.
        func prefix(_ kept: Int) -> Piece { Piece(source: source, count: kept) }
    }

    let file: MappedFile
    private(set) var pieces: [Piece]
    /// Where each piece starts; `starts.last` is the size.
    private var starts: [Int] = [0]

    init(file: MappedFile) throws(EditorError) {
        self.file = file
        let size = try mapped { () throws(MapError) in try file.size() }
        pieces = size > 0 ? [Piece(source: .file(0), count: size)] : []
        rebuildStarts()
    }

    func size() throws(EditorError) -> Int {
        _ = try mapped { () throws(MapError) in try file.size() }  // a closed document stays closed
        return starts[starts.count - 1]
    }

    // MARK: - Reading and writing through the pieces

    /// The index of the piece holding `offset` (for offset == size, the piece count).
    private func pieceIndex(at offset: Int) -> Int {
        var low = 0
        var high = pieces.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle + 1] <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Calls `body` for each piece part covering `count` bytes at `offset`: the piece index,
    /// the offset inside the piece, the length, and the offset relative to `offset`.
    private func forEachPart(
        at offset: Int, count: Int,
        _ body: (_ index: Int, _ inside: Int, _ length: Int, _ done: Int) throws(EditorError) -> Void
    ) throws(EditorError) {
        var done = 0
        var index = pieceIndex(at: offset)
        while done < count, index < pieces.count {
            let inside = offset + done - starts[index]
            let length = min(pieces[index].count - inside, count - done)
            try body(index, inside, length, done)
            done += length
            index += 1
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(EditorError) {
        try forEachPart(at: offset, count: buffer.count) { (index, inside, length, done) throws(EditorError) in
            let part = UnsafeMutableRawBufferPointer(rebasing: buffer[done..<(done + length)])
            switch pieces[index].source {
            case .file(let start):
                try mapped { () throws(MapError) in try file.read(into: part, at: start + inside) }
            case .memory(let bytes, let start):
                bytes.storage.withUnsafeBytes { source in
                    part.copyMemory(
                        from: UnsafeRawBufferPointer(rebasing: source[(start + inside)..<(start + inside + length)]))
                }
            case .zeros:
                part.initializeMemory(as: UInt8.self, repeating: 0)
            }
        }
    }

    func write(from buffer: UnsafeRawBufferPointer, at offset: Int) throws(EditorError) {
        try change(at: offset, count: buffer.count) { (target, done) throws(EditorError) in
            let part = UnsafeRawBufferPointer(rebasing: buffer[done..<(done + target.count)])
            switch target {
            case .file(let start, _):
                try mapped { () throws(MapError) in try file.write(from: part, at: start) }
            case .memory(let bytes, let start, let length):
                bytes.storage.withUnsafeMutableBytes {
                    UnsafeMutableRawBufferPointer(rebasing: $0[start..<(start + length)]).copyMemory(from: part)
                }
            }
        }
    }

    func fill(_ byte: UInt8, at offset: Int, count: Int) throws(EditorError) {
        if byte == 0 { return try zero(at: offset, count: count) }
        try change(at: offset, count: count) { (target, _) throws(EditorError) in
            switch target {
            case .file(let start, let length):
                try mapped { () throws(MapError) in try file.fill(byte, at: start, count: length) }
            case .memory(let bytes, let start, let length):
                bytes.storage.withUnsafeMutableBytes {
                    _ = UnsafeMutableRawBufferPointer(rebasing: $0[start..<(start + length)])
                        .initializeMemory(as: UInt8.self, repeating: byte)
                }
            }
        }
    }

    /// Where a change lands: file bytes (the private mapping) or owned memory.
    private enum Target {
        case file(Int, count: Int)
        case memory(Bytes, Int, count: Int)

        var count: Int {
            switch self {
            case .file(_, let count), .memory(_, _, let count): count
            }
        }
    }

    /// Runs `body` on each writable part of the range; zero pieces in it become memory first
    /// (only the part written: the rest stays free).
    private func change(
        at offset: Int, count: Int, _ body: (Target, _ done: Int) throws(EditorError) -> Void
    ) throws(EditorError) {
        materializeZeros(at: offset, count: count)
        try forEachPart(at: offset, count: count) { (index, inside, length, done) throws(EditorError) in
            switch pieces[index].source {
            case .file(let start): try body(.file(start + inside, count: length), done)
            case .memory(let bytes, let start): try body(.memory(bytes, start + inside, count: length), done)
            case .zeros: preconditionFailure("zeros were materialized")
            }
        }
    }

    /// Replaces the zero pieces inside the range by owned bytes (zeros, until written).
    private func materializeZeros(at offset: Int, count: Int) {
        var needed: [(Int, Int)] = []
        try? forEachPart(at: offset, count: count) { (index, inside, length, _) throws(EditorError) in
            if case .zeros = pieces[index].source { needed.append((starts[index] + inside, length)) }
        }
        for (start, length) in needed {
            replace(
                start..<(start + length),
                with: [Piece(source: .memory(Bytes([UInt8](repeating: 0, count: length)), 0), count: length)])
        }
    }

    func zero(at offset: Int, count: Int) throws(EditorError) {
        guard count > 0 else { return }
        replace(offset..<(offset + count), with: [Piece(source: .zeros, count: count)])
    }

    func nextData(in range: Range<Int>) throws(EditorError) -> Range<Int>? {
        var position = range.lowerBound
        while position < range.upperBound {
            let index = pieceIndex(at: position)
            guard index < pieces.count else { return nil }
            let end = min(starts[index + 1], range.upperBound)
            if case .zeros = pieces[index].source {
                position = end
                continue
            }
            return position..<end
        }
        return nil
    }

    // MARK: - Insert, delete, size

    func openGap(at offset: Int, count: Int, stop: StopRequest?) throws(EditorError) {
        guard count > 0 else { return }
        replace(offset..<offset, with: [Piece(source: .zeros, count: count)])
    }

    func closeGap(at offset: Int, count: Int, stop: StopRequest?) throws(EditorError) {
        replace(offset..<(offset + count), with: [])
    }

    func resize(to newSize: Int) throws(EditorError) {
        let size = try size()
        if newSize > size {
            replace(size..<size, with: [Piece(source: .zeros, count: newSize - size)])
        } else if newSize < size {
            replace(newSize..<size, with: [])
        }
    }

    /// Replaces the bytes of `range` by `replacement`, splitting the pieces at its ends and
    /// merging neighbours that continue each other.
    private func replace(_ range: Range<Int>, with replacement: [Piece]) {
        let first = pieceIndex(at: range.lowerBound)
        var last = first
        while last < pieces.count, starts[last] < range.upperBound { last += 1 }
        // Pieces first..<last overlap the range (none when it is empty and falls on a boundary).
        var middle: [Piece] = []
        if first < pieces.count, starts[first] < range.lowerBound {
            middle.append(pieces[first].prefix(range.lowerBound - starts[first]))
        }
        middle += replacement.filter { $0.count > 0 }
        if last > first, starts[last] > range.upperBound {
            middle.append(pieces[last - 1].dropping(range.upperBound - starts[last - 1]))
        }
        pieces.replaceSubrange(first..<last, with: middle)
        mergeNeighbours(from: first - 1, to: first + middle.count + 1)
        rebuildStarts()
    }

    /// Joins adjacent pieces in `low..<high` that continue each other.
    private func mergeNeighbours(from low: Int, to high: Int) {
        var index = max(0, low)
        var end = min(high, pieces.count)
        while index + 1 < end {
            if let merged = Self.merged(pieces[index], pieces[index + 1]) {
                pieces[index] = merged
                pieces.remove(at: index + 1)
                end -= 1
            } else {
                index += 1
            }
        }
    }

    /// One piece for two that continue each other: zeros after zeros, file after file.
    private static func merged(_ left: Piece, _ right: Piece) -> Piece? {
        switch (left.source, right.source) {
        case (.zeros, .zeros):
            Piece(source: .zeros, count: left.count + right.count)
        case (.file(let a), .file(let b)) where a + left.count == b:
            Piece(source: .file(a), count: left.count + right.count)
        case (.memory(let x, let a), .memory(let y, let b)) where x === y && a + left.count == b:
            Piece(source: .memory(x, a), count: left.count + right.count)
        default:
            nil
        }
    }

    private func rebuildStarts() {
        pieces.removeAll { $0.count == 0 }
        starts = [0]
        starts.reserveCapacity(pieces.count + 1)
        for piece in pieces { starts.append(starts[starts.count - 1] + piece.count) }
    }

    // MARK: - The file behind it

    /// A private store follows nobody: its bytes are this process's own.
    func refresh() throws(EditorError) -> SizeChange {
        _ = try size()
        return .unchanged
    }

    func sync(async: Bool) throws(EditorError) {
        _ = try size()
    }

    /// Passed to the mapping when the range is one stretch of the file; otherwise nothing to do.
    func advise(_ advice: Advice, offset: Int, count: Int) throws(EditorError) {
        guard count > 0 else { return }
        let index = pieceIndex(at: offset)
        guard index < pieces.count, case .file(let start) = pieces[index].source else { return }
        let inside = offset - starts[index]
        let length = min(count, pieces[index].count - inside)
        try mapped { () throws(MapError) in try file.advise(advice, offset: start + inside, count: length) }
    }

    /// Dropping a private page would drop its changes.
    var canReleasePages: Bool { false }

    func fileID() throws(EditorError) -> MappedFile.FileID {
        try mapped { () throws(MapError) in try file.fileID() }
    }

    func tryLock() throws(EditorError) -> Bool { true }

    func close() {
        try? file.close()
    }
}
