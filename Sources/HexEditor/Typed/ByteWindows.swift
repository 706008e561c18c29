/// The bytes the typed views (the inspector, a struct) read, from windows already in memory
/// (the frame's one read of the visible bytes) or, for what no window holds, one read of a
/// window of at least `readSize` bytes. So a panel never reads per field, and a struct on
/// screen costs no read at all.
struct ByteWindows {
    /// The least a read asks for: a whole typical header at once.
    static let readSize = 4096

    let document: Document
    /// The file's size when the windows were read.
    let fileSize: Int
    private(set) var windows: [FrameBytes]
    /// Windows this value read itself (what the tests count, and what a live tick keeps).
    private(set) var reads: [FrameBytes] = []
    /// Every range asked for: what the result depends on.
    private(set) var touched: [Range<Int>] = []

    init(document: Document, fileSize: Int, windows: [FrameBytes] = []) {
        self.document = document
        self.fileSize = fileSize
        self.windows = windows
    }

    /// Ranges needed at once that lie this close together are fetched with one read.
    static let mergeSpan = 64 << 10

    /// Reads ahead what `ranges` need and no window holds: one read for all of them when they
    /// lie within `mergeSpan` (the inspector below the last row and a struct near it), else
    /// one each.
    mutating func prefetch(_ ranges: [Range<Int>]) throws(EditorError) {
        let missing = ranges.map { $0.clamped(to: 0..<fileSize) }.filter { range in
            !range.isEmpty
                && !windows.contains { $0.offset <= range.lowerBound && range.upperBound <= $0.offset + $0.bytes.count }
        }
        guard let lower = missing.map(\.lowerBound).min(), let upper = missing.map(\.upperBound).max() else { return }
        if upper - lower <= Self.mergeSpan {
            _ = try bytes(at: lower, count: upper - lower)
            return
        }
        for range in missing { _ = try bytes(at: range.lowerBound, count: range.count) }
    }

    /// The bytes of `ranges`, one after another (without counting them as touched).
    mutating func contents(of ranges: [Range<Int>]) throws(EditorError) -> [UInt8] {
        let before = touched
        defer { touched = before }
        var result: [UInt8] = []
        for range in ranges { result += try bytes(at: range.lowerBound, count: range.count) }
        return result
    }

    /// The bytes of `offset..<offset+count` that lie in the file (fewer at its end).
    mutating func bytes(at offset: Int, count: Int) throws(EditorError) -> ArraySlice<UInt8> {
        let end = min(fileSize, offset.addingReportingOverflow(count).overflow ? Int.max : offset + count)
        guard offset < end else { return [] }
        touched.append(offset..<end)
        for window in windows where window.offset <= offset && end <= window.offset + window.bytes.count {
            return window.bytes[(offset - window.offset)..<(end - window.offset)]
        }
        let read = try document.read(at: offset, count: max(end - offset, Self.readSize))
        let window = FrameBytes(offset: offset, bytes: read)
        windows.append(window)
        reads.append(window)
        return read[0..<min(read.count, end - offset)]
    }
}
