import IOMMap

/// Walking gigabytes through the mapping without keeping them: long scans, prints and fills go
/// window by window, telling the kernel what comes next and dropping from this process the
/// pages of a window once it is done.
///
/// Dropping (madvise DONTNEED) is only done on a shared mapping: there the page cache keeps the
/// pages, dirty ones included, and a later access maps them again. On a private mapping the
/// pages are the only copy of its edits, so they stay.
extension Document {
    /// The size of one window: big enough for few system calls, small against memory.
    static let streamingWindow = 32 << 20

    /// Asks the kernel to start reading `count` bytes at `offset` (a hint: errors are ignored).
    func prefetch(offset: Int, count: Int) {
        guard count >= Self.streamingWindow / 2 else { return }
        try? file.advise(.willNeed, offset: offset, count: count)
    }

    /// Drops this process's pages of a finished window (a hint: errors are ignored).
    func release(offset: Int, count: Int) {
        guard !isPrivate, count >= Self.streamingWindow / 2 else { return }
        try? file.advise(.dontNeed, offset: offset, count: count)
    }

    /// The first match of `pattern` in `range`, scanned window by window. Windows overlap by
    /// the pattern's length minus one, so a match across a boundary is found.
    func findStreaming(_ pattern: [UInt8], in range: Range<Int>) throws(EditorError) -> Int? {
        var start = range.lowerBound
        while range.upperBound - start >= pattern.count {
            let end = min(range.upperBound, start + Self.streamingWindow + pattern.count - 1)
            prefetch(offset: start, count: end - start)
            let match: Int?
            do {
                match = try file.find(pattern, in: start..<end)
            } catch {
                throw EditorError(error)
            }
            release(offset: start, count: end - start)
            if let match { return match }
            if end == range.upperBound { return nil }
            start = end - (pattern.count - 1)
        }
        return nil
    }

    /// The last match of `pattern` that lies wholly in `range`, scanned window by window from
    /// the end, windows overlapping as in `findStreaming`.
    func findLastStreaming(_ pattern: [UInt8], in range: Range<Int>) throws(EditorError) -> Int? {
        var end = range.upperBound
        while end - range.lowerBound >= pattern.count {
            let start = max(range.lowerBound, end - Self.streamingWindow - pattern.count + 1)
            prefetch(offset: start, count: end - start)
            let match: Int?
            do {
                match = try file.findLast(pattern, in: start..<end)
            } catch {
                throw EditorError(error)
            }
            release(offset: start, count: end - start)
            if let match { return match }
            if start == range.lowerBound { return nil }
            end = start + pattern.count - 1
        }
        return nil
    }

    /// Fills `count` bytes at `offset` with `byte`, window by window.
    func fillStreaming(_ byte: UInt8, at offset: Int, count: Int) throws(EditorError) {
        var done = 0
        while done < count {
            let length = min(Self.streamingWindow, count - done)
            do {
                try file.fill(byte, at: offset + done, count: length)
            } catch {
                throw EditorError(error)
            }
            release(offset: offset + done, count: length)
            done += length
        }
    }
}
