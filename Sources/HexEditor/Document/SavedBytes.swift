import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes the undo journal keeps: what an overwrite replaced, what a delete or a shrinking
/// resize cut away, what an insert put in.
///
/// Small runs stay in memory: up to 16 bytes inside the value itself (so a script of a million
/// one-byte patches costs no allocation per edit), more in an array. Larger ones (a fill over
/// gigabytes, a big delete) spill to an unlinked temporary file, written and read back in
/// fixed-size chunks, so the journal's memory stays bounded whatever the size of the edit;
/// only disk space grows with it.
struct SavedBytes {
    /// Runs up to this size stay in memory; larger ones go to a temporary file.
    static let inMemoryLimit = 1 << 20
    /// The chunk used when streaming between the mapping and the temporary file.
    static let chunkSize = 1 << 20
    /// Runs up to this size are kept inline.
    static let inlineLimit = 16

    private enum Storage {
        case inline(UInt64, UInt64)
        case memory([UInt8])
        case spilled(SpillFile)
    }

    let count: Int
    private let storage: Storage

    init(_ bytes: [UInt8]) {
        count = bytes.count
        if bytes.count <= Self.inlineLimit {
            var words: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &words) { $0.copyBytes(from: bytes) }
            storage = .inline(words.0, words.1)
        } else {
            storage = .memory(bytes)
        }
    }

    /// Bytes kept in a file: a spill file this process made, or a journal's side file.
    init(spilledTo file: SpillFile, count: Int) {
        self.count = count
        storage = .spilled(file)
    }

    /// The bytes, when they are kept in memory.
    private var inMemory: [UInt8]? {
        switch storage {
        case .inline(let low, let high):
            let words = (low, high)
            return withUnsafeBytes(of: words) { Array($0.prefix(count)) }
        case .memory(let bytes):
            return bytes
        case .spilled:
            return nil
        }
    }

    /// Copies `count` bytes of the store at `offset`, streaming through a temporary file when
    /// they are too many to keep in memory. `stop` is looked at between chunks (nothing has
    /// changed yet, so stopping here is free).
    /// `release` is called for each finished stretch of `releaseInterval` bytes (and the
    /// last, shorter one), so the caller can drop the pages it no longer needs.
    static func capture(
        from store: any ByteStore, at offset: Int, count: Int, stop: StopRequest? = nil,
        journal: RecoveryJournal? = nil,
        release: (_ offset: Int, _ count: Int) -> Void = { _, _ in }
    ) throws(EditorError) -> SavedBytes {
        if count <= inMemoryLimit {
            var bytes = [UInt8](repeating: 0, count: count)
            try bytes.withMutableBytes { (buffer) throws(EditorError) in try store.read(into: buffer, at: offset) }
            return SavedBytes(bytes)
        }
        // Beside the recovery journal when there is one (the journal refers to it by number),
        // else an unlinked temporary file. The descriptor closes when the bytes go.
        let spill: SpillFile
        if let journal {
            let (index, descriptor) = try journal.newSpill()
            spill = SpillFile(fd: descriptor, journal: journal, index: index)
        } else {
            spill = SpillFile(fd: try makeTemporaryFile())
        }
        let fd = spill.fd
        let saved = SavedBytes(spilledTo: spill, count: count)
        var releaser = WindowReleaser(base: offset)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var done = 0
        while done < count {
            try stop?.check()
            let chunk = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<min(chunkSize, count - done)])
            try store.read(into: chunk, at: offset + done)
            // All-zero chunks (sparse files, zeroed regions) stay holes in the temporary file.
            if !isAllZero(UnsafeRawBufferPointer(chunk)) {
                try writeAll(fd, UnsafeRawBufferPointer(chunk), at: done)
            }
            done += chunk.count
            releaser.advance(to: done, release: release)
        }
        releaser.finish(at: done, release: release)
        if ftruncate(fd, off_t(count)) != 0 {
            throw EditorError("cannot keep undo data for this edit: \(String(cString: strerror(errno)))", kind: .system)
        }
        return saved
    }

    /// Writes the saved bytes back into the store at `offset`. Runs of zeros of a chunk or
    /// more go back as holes (`ByteStore.zero`), so undoing a fill over a sparse region gives
    /// its blocks back instead of writing zeros into them.
    func restore(
        into store: any ByteStore, at offset: Int,
        release: (_ offset: Int, _ count: Int) -> Void = { _, _ in }
    ) throws(EditorError) {
        if let bytes = inMemory {
            if bytes.count >= Self.zeroRunSize && Self.isAllZero(bytes) {
                try store.zero(at: offset, count: bytes.count)
                return
            }
            try bytes.withBytes { (buffer) throws(EditorError) in try store.write(from: buffer, at: offset) }
            return
        }
        if case .spilled(let spill) = storage {
            let fd = spill.fd
            var releaser = WindowReleaser(base: offset)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
            defer { buffer.deallocate() }
            var done = 0
            while done < count {
                let chunk = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<min(Self.chunkSize, count - done)])
                try Self.readAll(fd, chunk, at: done)
                if Self.isAllZero(UnsafeRawBufferPointer(chunk)) {
                    try store.zero(at: offset + done, count: chunk.count)
                } else {
                    try store.write(from: UnsafeRawBufferPointer(chunk), at: offset + done)
                }
                done += chunk.count
                releaser.advance(to: done, release: release)
            }
            releaser.finish(at: done, release: release)
        }
    }

    /// Zero runs at least this long are restored as holes.
    static let zeroRunSize = 64 << 10

    /// How the recovery journal keeps these bytes: in the record when they are in memory, by
    /// number when they are already a side file of this journal, else copied into a new one.
    func journalUndo(in journal: RecoveryJournal) throws(EditorError) -> JournalRecord.Undo {
        if let bytes = inMemory { return .bytes(bytes) }
        guard case .spilled(let spill) = storage else { return .bytes([]) }
        if spill.journal === journal && spill.generation == journal.generation { return .spilled(spill.index) }
        let (index, descriptor) = try journal.newSpill()
        defer { _ = close(descriptor) }
        try stream { (chunk, offset) throws(EditorError) in
            if !Self.isAllZero(chunk) { try Self.writeAll(descriptor, chunk, at: offset) }
        }
        if ftruncate(descriptor, off_t(count)) != 0 {
            throw EditorError("cannot keep undo data for recovery: \(String(cString: strerror(errno)))", kind: .system)
        }
        return .spilled(index)
    }

    /// A fingerprint of the bytes (read back from the spill file when they are there).
    func fingerprint() throws(EditorError) -> UInt64 {
        if let bytes = inMemory { return Fingerprint.of(bytes) }
        var fingerprint = Fingerprint()
        try stream { (chunk, _) throws(EditorError) in fingerprint.add(chunk) }
        return fingerprint.value
    }

    /// Calls `body` with the spilled bytes a chunk at a time, and where each chunk starts.
    private func stream(_ body: (UnsafeRawBufferPointer, Int) throws(EditorError) -> Void) throws(EditorError) {
        guard case .spilled(let spill) = storage else { return }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var done = 0
        while done < count {
            let chunk = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<min(Self.chunkSize, count - done)])
            try Self.readAll(spill.fd, chunk, at: done)
            try body(UnsafeRawBufferPointer(chunk), done)
            done += chunk.count
        }
    }

    private static func isAllZero(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { isAllZero($0) }
    }

    private static func isAllZero(_ bytes: UnsafeRawBufferPointer) -> Bool {
        // Word at a time: this runs over every byte a big fill or delete replaces.
        let words = bytes.count / 8
        let wordView = UnsafeRawBufferPointer(rebasing: bytes[0..<(words * 8)])
        var combined: UInt64 = 0
        var index = 0
        while index < words {
            combined |= wordView.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
            index += 1
        }
        for byte in bytes[(words * 8)...] { combined |= UInt64(byte) }
        return combined == 0
    }

    private static func makeTemporaryFile() throws(EditorError) -> Int32 {
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((directory + "/hexmap-undo-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 {
            throw EditorError(
                "cannot keep undo data for this edit: no temporary file in \(directory) (\(String(cString: strerror(errno))))"
            )
        }
        // Unlinked at once: the data lives as long as the descriptor, and nothing is left behind.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return fd
    }

    private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int)
        throws(EditorError)
    {
        do {
            try FileDescriptor(rawValue: fd).writeWhole(bytes, at: offset)
        } catch {
            throw EditorError("cannot keep undo data for this edit: \(error)")
        }
    }

    private static func readAll(_ fd: Int32, _ bytes: UnsafeMutableRawBufferPointer, at offset: Int)
        throws(EditorError)
    {
        let count: Int
        do {
            count = try FileDescriptor(rawValue: fd).readWhole(into: bytes, at: offset)
        } catch {
            throw EditorError("cannot read back undo data: \(error)")
        }
        if count < bytes.count { throw EditorError("cannot read back undo data: the spill file is short") }
    }
}

/// The descriptor of a spill file (an unlinked temporary file, or a side file of the recovery
/// journal), closed when the last journal entry using it goes away.
final class SpillFile {
    let fd: Int32
    /// For a journal's side file: which journal, its number there, and the journal's
    /// generation then (a journal removed after a sync no longer has the file).
    let journal: RecoveryJournal?
    let index: Int
    let generation: Int

    init(fd: Int32, journal: RecoveryJournal? = nil, index: Int = -1) {
        self.fd = fd
        self.journal = journal
        self.index = index
        generation = journal?.generation ?? -1
    }

    deinit {
        _ = close(fd)
    }
}

/// Calls `release` once per `Document.streamingWindow` bytes streamed, then for the rest.
struct WindowReleaser {
    let base: Int
    private var released = 0

    init(base: Int) {
        self.base = base
    }

    mutating func advance(to done: Int, release: (Int, Int) -> Void) {
        if done - released >= Document.streamingWindow {
            release(base + released, done - released)
            released = done
        }
    }

    mutating func finish(at done: Int, release: (Int, Int) -> Void) {
        if done > released {
            release(base + released, done - released)
            released = done
        }
    }
}
