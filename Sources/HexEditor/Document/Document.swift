import IOMMap
import SystemPackage

/// A file open for editing: the mapping, the undo journal, and the rules every edit follows
/// (bounds, read-only, never growing on a patch).
///
/// Edits land in the mapping at once, so other processes see them; `sync` makes them durable.
/// A `Document` is used from one thread at a time (the editor's loop or the script runner).
public final class Document {
    public let path: String
    public private(set) var isReadOnly: Bool
    public let isPrivate: Bool
    /// Set when the file was opened read-only because it could not be opened for writing.
    public private(set) var readOnlyNotice: String?

    /// Replaced only by `reopen` (Live/Document+Reopen.swift), when the path names a new file.
    var file: MappedFile
    /// Which file the path named when it was opened: the live view's check for rotation.
    public internal(set) var identity: FileIdentity?
    var journal = UndoJournal()
    let syncedState: UndoJournal.Checkpoint
    private var isClosed = false

    /// Opens `path`. A missing file is an error unless `createSize` is given, which creates it
    /// (or grows it) to at least that many bytes. Without write permission the file opens
    /// read-only and `readOnlyNotice` says so.
    public init(
        path: String, readOnly: Bool = false, privateMapping: Bool = false, createSize: Int? = nil
    ) throws(EditorError) {
        if readOnly, createSize != nil {
            throw EditorError("--create needs write access: it cannot be combined with -r")
        }
        if let createSize, createSize < 0 {
            throw EditorError("--create size must not be negative")
        }
        self.path = path
        self.isPrivate = privateMapping
        let sharing: Sharing = privateMapping ? .private : .shared
        let options = OpenOptions(create: createSize != nil, size: createSize, sharing: sharing)
        do {
            file = try MappedFile(path: path, mode: readOnly ? .read : .readWrite, options: options)
            isReadOnly = readOnly
        } catch .system(_, let errno)
            where !readOnly && createSize == nil
                && [Errno.permissionDenied, .notPermitted, .readOnlyFileSystem].contains(errno)
        {
            do {
                file = try MappedFile(path: path, mode: .read, options: OpenOptions(sharing: sharing))
            } catch {
                throw Self.openError(error, path: path)
            }
            isReadOnly = true
            readOnlyNotice = "no write permission: \(path) is open read-only"
        } catch {
            throw Self.openError(error, path: path)
        }
        syncedState = journal.checkpoint()
        identity = FileIdentity(path: path)
    }

    private static func openError(_ error: MapError, path: String) -> EditorError {
        switch error {
        case .system(_, .noSuchFileOrDirectory):
            EditorError("\(path): no such file (hexmap creates a file only with --create SIZE)")
        case .system(_, let errno):
            EditorError("\(path): \(errno)")
        default:
            // Some messages of the mapping core already name the file.
            EditorError(error).message.contains(path)
                ? EditorError(error) : EditorError("\(path): \(EditorError(error).message)")
        }
    }

    /// The mapped size in bytes.
    public var size: Int {
        (try? file.size()) ?? 0
    }

    /// Journal entries between the current state and the last sync.
    public var unsyncedEdits: Int { journal.distance(to: syncedState) }
    public var canUndo: Bool { journal.canUndo }
    public var canRedo: Bool { journal.canRedo }

    /// The page size of the mapping.
    public var pageSize: Int { MappedFile.pageSize }

    /// Up to `count` bytes at `offset`: fewer when the range runs past the end, none past it.
    /// Throws when the file shrank under the mapping (bus error).
    public func read(at offset: Int, count: Int) throws(EditorError) -> [UInt8] {
        if offset < 0 || count < 0 {
            throw EditorError("cannot read \(count) bytes at \(offset): negative offset or length")
        }
        let size = try currentSize()
        guard offset < size else { return [] }
        do {
            return try file.read(at: offset, count: min(count, size - offset))
        } catch {
            throw EditorError(error)
        }
    }

    /// msync over the whole mapping; afterwards there are no unsynced edits.
    public func sync(async: Bool = false) throws(EditorError) {
        do {
            try file.sync(async ? .async : .sync)
        } catch {
            throw EditorError(error)
        }
        journal.move(syncedState)
    }

    /// madvise over a range (bounds-checked).
    public func advise(_ hint: Advice, offset: Int, count: Int) throws(EditorError) {
        try checkRange(offset: offset, count: count, what: "advise")
        do {
            try file.advise(hint, offset: offset, count: count)
        } catch {
            throw EditorError(error)
        }
    }

    /// The next match of `pattern` starting at or after `offset`, or with `backward` the last
    /// match starting before `offset`. No wrap-around.
    public func find(_ pattern: [UInt8], from offset: Int, backward: Bool = false)
        throws(EditorError) -> Int?
    {
        if pattern.isEmpty { throw EditorError("nothing to search for") }
        if offset < 0 { throw EditorError("cannot search from a negative offset") }
        let size = try currentSize()
        if backward {
            let end = min(size, offset - 1 + pattern.count)
            guard offset > 0, end >= pattern.count else { return nil }
            return try findLastStreaming(pattern, in: 0..<end)
        }
        guard offset <= size, size - offset >= pattern.count else { return nil }
        return try findStreaming(pattern, in: offset..<size)
    }

    /// Re-reads the file's size and remaps if another process changed it.
    public func refresh() throws(EditorError) -> SizeChange {
        do {
            return try file.refresh()
        } catch {
            throw EditorError(error)
        }
    }

    /// Takes back every edit since the last sync (what `:q!` does before quitting).
    public func discardUnsyncedEdits() throws(EditorError) {
        try rollBack(to: syncedState)
    }

    /// Closes the mapping; later calls fail with "the file is closed".
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        try? file.close()
    }

    deinit {
        close()
    }

    // MARK: - Shared checks

    func currentSize() throws(EditorError) -> Int {
        do {
            return try file.size()
        } catch {
            throw EditorError(error)
        }
    }

    func checkWritable() throws(EditorError) {
        if isReadOnly {
            throw EditorError(readOnlyNotice ?? "\(path) is open read-only (-r): edits are refused")
        }
    }

    /// Checks that `offset..<offset+count` lies inside the file.
    func checkRange(offset: Int, count: Int, what: String) throws(EditorError) {
        if count < 0 { throw EditorError("\(what): length must not be negative") }
        if offset < 0 { throw EditorError("\(what): offset must not be negative") }
        let size = try currentSize()
        if offset > size {
            throw EditorError("\(what): offset \(hex(offset)) is past the end of the file (size \(size))")
        }
        if count > size - offset {
            let amount = count == 1 ? "1 byte at \(hex(offset)) runs" : "\(count) bytes at \(hex(offset)) run"
            throw EditorError("\(what): \(amount) past the end of the file (size \(size))")
        }
    }
}
