import IOMMap

/// Walking gigabytes through the mapping without keeping them: long prints and fills go
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
        try? store.advise(.willNeed, offset: offset, count: count)
    }

    /// Drops this process's pages of a finished window (a hint: errors are ignored).
    func release(offset: Int, count: Int) {
        guard store.canReleasePages, count >= Self.streamingWindow / 2 else { return }
        try? store.advise(.dontNeed, offset: offset, count: count)
    }

    /// Fills `count` bytes at `offset` with `byte`, window by window, looking at `stop` between
    /// windows (the caller puts back what was filled when it throws).
    func fillStreaming(_ byte: UInt8, at offset: Int, count: Int, stop: StopRequest?) throws(EditorError) {
        var done = 0
        while done < count {
            try stop?.check()
            let length = min(Self.streamingWindow, count - done)
            try store.fill(byte, at: offset + done, count: length)
            release(offset: offset + done, count: length)
            done += length
        }
    }
}
