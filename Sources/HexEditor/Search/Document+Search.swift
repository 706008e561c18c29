/// Searching the document: a window at a time through the guarded copy (never a raw pointer
/// into the mapping), skipping holes where the pattern cannot match zeros, so a search over
/// a 100 GiB sparse file costs what its data costs. Every window checks the stop request,
/// and the pages of finished windows are given back (a scan of a big file keeps memory flat).
extension Document {
    /// Bytes read per window: small enough to stay in the CPU's cache while it is scanned.
    static let searchWindow = 1 << 20

    /// Calls `body` with each window of `range` that may hold a match, in ascending order:
    /// the window's bytes and where they start. Windows overlap by the pattern's length
    /// minus one, so a match across a boundary is seen once, in the window where it starts
    /// (`body` should only take starts below the returned `lastStart`). `body` returns false
    /// to stop.
    private func scanWindows(
        of pattern: BytePattern, in range: Range<Int>,
        _ body: (_ window: UnsafeRawBufferPointer, _ offset: Int) throws(EditorError) -> Bool
    ) throws(EditorError) {
        let n = pattern.count
        guard n > 0, range.count >= n else { return }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.searchWindow + n - 1, alignment: 16)
        defer { buffer.deallocate() }
        var releaser = WindowReleaser(base: range.lowerBound)
        var position = range.lowerBound  // the first start not looked at yet
        while range.upperBound - position >= n {
            try stopRequest?.check()
            if !pattern.matchesZeros {
                // Starts before data - (n - 1) would lie wholly in a hole: skip them.
                guard let data = try store.nextData(in: position..<range.upperBound) else { return }
                if data.lowerBound - (n - 1) > position {
                    position = data.lowerBound - (n - 1)
                    continue
                }
            }
            let end = min(range.upperBound, position + Self.searchWindow + n - 1)
            let window = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<(end - position)])
            try store.read(into: window, at: position)
            guard try body(UnsafeRawBufferPointer(window), position) else { return }
            releaser.advance(to: end - range.lowerBound, release: release)
            if end == range.upperBound { return }
            position = end - (n - 1)
        }
    }

    /// Calls `found` for each match of `pattern` lying wholly inside `range`, in ascending
    /// order, until it returns false.
    public func forEachMatch(
        of pattern: BytePattern, in range: Range<Int>, _ found: (Int) throws(EditorError) -> Bool
    ) throws(EditorError) {
        try scanWindows(of: pattern, in: range) { (window, offset) throws(EditorError) -> Bool in
            var stopped = false
            try pattern.forEachMatch(in: window) { (start) throws(EditorError) -> Bool in
                if try found(offset + start) { return true }
                stopped = true
                return false
            }
            return !stopped
        }
    }

    /// The first match of `pattern` lying wholly inside `range`.
    public func firstMatch(of pattern: BytePattern, in range: Range<Int>) throws(EditorError) -> Int? {
        var first: Int?
        try scanWindows(of: pattern, in: range) { (window, offset) throws(EditorError) -> Bool in
            first = pattern.firstMatch(in: window).map { offset + $0 }
            return first == nil
        }
        return first
    }

    /// How many matches of `pattern` lie wholly inside `range` (overlapping ones count).
    public func countMatches(of pattern: BytePattern, in range: Range<Int>) throws(EditorError) -> Int {
        var total = 0
        try scanWindows(of: pattern, in: range) { (window, _) throws(EditorError) -> Bool in
            total += pattern.countMatches(in: window)
            return true
        }
        return total
    }

    /// The last match of `pattern` lying wholly inside `range`, scanned from the end.
    public func lastMatch(of pattern: BytePattern, in range: Range<Int>) throws(EditorError) -> Int? {
        let n = pattern.count
        guard n > 0, range.count >= n else { return nil }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.searchWindow + n - 1, alignment: 16)
        defer { buffer.deallocate() }
        var end = range.upperBound  // matches must end at or before this
        while end - range.lowerBound >= n {
            try stopRequest?.check()
            let start = max(range.lowerBound, end - Self.searchWindow - (n - 1))
            var hasData = pattern.matchesZeros
            if !hasData { hasData = try store.nextData(in: start..<end) != nil }
            if hasData {
                let window = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<(end - start)])
                try store.read(into: window, at: start)
                if let match = pattern.lastMatch(in: UnsafeRawBufferPointer(window)) { return start + match }
            }
            if start == range.lowerBound { return nil }
            end = start + n - 1
        }
        return nil
    }

    /// The next match of `pattern` starting at or after `offset`, or with `backward` the last
    /// match starting before `offset`. No wrap-around.
    public func find(_ pattern: [UInt8], from offset: Int, backward: Bool = false) throws(EditorError) -> Int? {
        if pattern.isEmpty { throw EditorError("nothing to search for") }
        return try find(BytePattern(pattern), from: offset, backward: backward)
    }

    /// The same for a masked pattern.
    public func find(_ pattern: BytePattern, from offset: Int, backward: Bool = false) throws(EditorError) -> Int? {
        if pattern.isEmpty { throw EditorError("nothing to search for") }
        if offset < 0 { throw EditorError("cannot search from a negative offset") }
        let size = try currentSize()
        if backward {
            let end = min(size, offset - 1 + pattern.count)
            guard offset > 0, end >= pattern.count else { return nil }
            return try lastMatch(of: pattern, in: 0..<end)
        }
        guard offset <= size else { return nil }
        return try firstMatch(of: pattern, in: offset..<size)
    }
}
