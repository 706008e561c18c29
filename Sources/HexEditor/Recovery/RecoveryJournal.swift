import IOMMap
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The recovery journal of one file, for one session: so that nothing is lost when hexmap
/// dies (SIGKILL, a crash, a power cut with `set journal fsync`).
///
/// It lives in `$XDG_STATE_HOME/hexmap/journals/DEVICE-INODE.journal` (the file's identity,
/// not its path: a renamed file keeps its journal, a new file at the path has its own),
/// with side files beside it: `.N.undo` for undo data too big to keep in a record, `.slot`
/// for the chunk an insert or delete is moving. A header names the session (pid) and the
/// file; then come `JournalRecord`s, each written before its change reaches the file. A
/// plain write(2) survives a killed process (the page cache keeps it); `fsync` mode also
/// survives a power cut, at the cost of a disk flush per record.
final class RecoveryJournal {
    static let magic = Array("HXMJRNL1".utf8)

    let path: FilePath
    let id: MappedFile.FileID
    /// Flush each record to the disk (`set journal fsync`).
    var flushesEachRecord = false
    private let header: [UInt8]
    private var descriptor: Int32 = -1
    private var nextSpill = 0
    /// Counts removals: undo data spilled before the last one is no longer beside the journal.
    private(set) var generation = 0

    /// The journal's place for the file `id`; nil when there is no state directory.
    static func location(for id: MappedFile.FileID) -> FilePath? {
        guard var directory = StateDirectory.directory("journals") else { return nil }
        directory.append("\(id.device)-\(id.inode).journal")
        return directory
    }

    /// A journal for this session of the file at `filePath`; nothing is written until the
    /// first record.
    init(path: FilePath, id: MappedFile.FileID, filePath: FilePath, sizeAtStart: Int) {
        self.path = path
        self.id = id
        var writer = ByteWriter()
        writer.bytes = Self.magic
        writer.u32(UInt32(getpid()))
        writer.u64(id.device)
        writer.u64(id.inode)
        writer.u64(id.birth)
        writer.int(sizeAtStart)
        // The absolute path, so a journal is recognised from any directory.
        let name = Self.absoluteName(of: filePath)
        writer.u32(UInt32(name.count))
        writer.bytes += name
        writer.u32(CRC32.checksum(writer.bytes))
        header = writer.bytes
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Whether records have been written (a journal file exists for this session).
    var isStarted: Bool { descriptor >= 0 }

    /// Writes a record; it is on its way to the disk when this returns. Throws when it could
    /// not be written: the change it describes must not be made then.
    func append(_ record: JournalRecord) throws(EditorError) {
        if descriptor < 0 { try start() }
        try write(record.encoded(), to: descriptor, what: "the recovery journal")
        if flushesEachRecord { _ = fsync(descriptor) }
    }

    /// Saves the chunk an insert or delete is about to move, in the slot file (its range,
    /// a checksum and the bytes), then says so in the journal.
    func saveChunk(_ range: Range<Int>, bytes: [UInt8]?) throws(EditorError) {
        if let bytes {
            var writer = ByteWriter()
            writer.int(range.lowerBound)
            writer.int(range.upperBound)
            writer.u32(CRC32.checksum(bytes))
            writer.bytes += bytes
            let slot = sidePath("slot")
            let fd = slot.withPlatformString { open($0, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600) }
            guard fd >= 0 else { throw Self.failure("the recovery journal's chunk slot") }
            defer { close(fd) }
            try write(writer.bytes, to: fd, what: "the recovery journal's chunk slot")
            if flushesEachRecord { _ = fsync(fd) }
        }
        try append(.chunk(range: range, saved: bytes != nil))
    }

    /// A new side file for undo data too big for a record: its number and an open descriptor.
    func newSpill() throws(EditorError) -> (index: Int, descriptor: Int32) {
        if descriptor < 0 { try start() }
        while true {
            let index = nextSpill
            nextSpill += 1
            let fd = spillPath(index).withPlatformString { open($0, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600) }
            if fd >= 0 { return (index, fd) }
            if errno != EEXIST { throw Self.failure("an undo file beside the recovery journal") }
        }
    }

    func spillPath(_ index: Int) -> FilePath { sidePath("\(index).undo") }
    var slotPath: FilePath { sidePath("slot") }

    /// Removes the journal and its side files: the session's edits are synced, taken back,
    /// or meant to stay.
    func remove() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        Self.remove(at: path)
        nextSpill = 0
        generation += 1
    }

    /// Removes the journal at `path` and every side file of it.
    static func remove(at path: FilePath) {
        for file in [path, path.appendingSuffix(".slot")] + sideFiles(of: path) {
            file.withPlatformString { _ = unlink($0) }
        }
    }

    /// The `.N.undo` files beside the journal at `path`.
    static func sideFiles(of path: FilePath) -> [FilePath] {
        let name = String(decoding: path.lastComponentBytes, as: UTF8.self)
        guard !name.isEmpty else { return [] }
        let directory = path.parentDirectory
        guard let handle = directory.withPlatformString({ opendir($0) }) else { return [] }
        defer { closedir(handle) }
        var files: [FilePath] = []
        while let entry = readdir(handle) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if entryName.hasPrefix(name + "."), entryName.hasSuffix(".undo") {
                files.append(directory.appending(entryName))
            }
        }
        return files
    }

    private func sidePath(_ suffix: String) -> FilePath { path.appendingSuffix("." + suffix) }

    /// Creates the journal file (replacing a dead session's, which recovery has resolved).
    private func start() throws(EditorError) {
        let fd = path.withPlatformString { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o600) }
        guard fd >= 0 else { throw Self.failure("the recovery journal") }
        descriptor = fd
        do {
            try write(header, to: fd, what: "the recovery journal")
        } catch {
            close(fd)
            descriptor = -1
            throw error
        }
    }

    private func write(_ bytes: [UInt8], to fd: Int32, what: String) throws(EditorError) {
        do throws(Errno) {
            try FileDescriptor(rawValue: fd).writeWhole(bytes)
        } catch {
            throw Self.failure(what, error)
        }
    }

    private static func failure(_ what: String, _ error: Errno = Errno(rawValue: errno)) -> EditorError {
        EditorError(
            "cannot write \(what) (\(error)): the edit was not made (set journal off edits without one)",
            kind: error == .noSpace ? .noSpace : .system)
    }

    /// The bytes of `path` resolved by realpath(3), or of `path` as given when it cannot be.
    static func absoluteName(of path: FilePath) -> [UInt8] {
        guard let resolved = path.withPlatformString({ realpath($0, nil) }) else { return path.bytes }
        defer { free(resolved) }
        return FilePath(platformString: resolved).bytes
    }
}

extension FilePath {
    /// The path with `suffix` added to its last component (`x.journal` → `x.journal.slot`).
    func appendingSuffix(_ suffix: String) -> FilePath {
        guard !lastComponentBytes.isEmpty else { return self }
        return FilePath(bytes: bytes + suffix.utf8)
    }
}

extension RecoveryJournal: ShiftJournal {
    func willMove(_ chunk: Range<Int>, saved: [UInt8]?) throws(EditorError) {
        try saveChunk(chunk, bytes: saved)
    }

    func didMove(_ chunk: Range<Int>) throws(EditorError) {
        try append(.moved(range: chunk))
    }
}
