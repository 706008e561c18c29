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

    init(document: Document, fileSize: Int, windows: [FrameBytes] = []) {
        self.document = document
        self.fileSize = fileSize
        self.windows = windows
    }

    /// The bytes of `offset..<offset+count` that lie in the file (fewer at its end).
    mutating func bytes(at offset: Int, count: Int) throws(EditorError) -> ArraySlice<UInt8> {
        let end = min(fileSize, offset.addingReportingOverflow(count).overflow ? Int.max : offset + count)
        guard offset < end else { return [] }
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
