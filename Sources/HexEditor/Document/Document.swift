import IOMMap
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file open for editing: its bytes (a `ByteStore`), the undo journal, and the rules every
/// edit follows (bounds, read-only, never growing on a patch).
///
/// Edits land in the file at once (shared), or stay in this process (private); `sync` makes
/// shared edits durable. A `Document` is used from one thread at a time (the editor's loop,
/// the REPL or the script runner).
public final class Document {
    /// How an editing session keeps other hexmap sessions off the file.
    public enum Locking: Equatable, Sendable {
        /// Take no lock (read-only and private sessions never change the file).
        case none
        /// Wait up to this many seconds for the lock, then fail (headless edits).
        case wait(seconds: Double)
        /// If another session holds it, open read-only and say so (the interactive editor).
        case orReadOnly
    }

    /// The path as the user gave it, with its bytes (it need not be UTF-8).
    public let path: FilePath
    /// The path as it is shown: escaped, so no byte of it steers the terminal.
    public let displayPath: String
    public private(set) var isReadOnly: Bool
    public let isPrivate: Bool
    /// Set when the file was opened read-only because it could not be opened for writing.
    public private(set) var readOnlyNotice: String?
    /// Whether this document created the file (a create size on a missing path).
    public let createdFile: Bool
    /// Long operations look at it between steps: a signal or the user's Esc stops them at a
    /// safe point, and what they changed is put back.
    public var stopRequest: StopRequest?

    /// Replaced only by `reopen` (Live/Document+Reopen.swift), when the path names a new file.
    var store: any ByteStore
    /// Which file the path named when it was opened: the live view's check for rotation.
    public internal(set) var identity: FileIdentity?
    var journal = UndoJournal()
    /// What a create size did when the document opened: the size before and after (not an
    /// edit: undo does not take it back, `undoCreation` does).
    private var creation: (before: Int, after: Int)?
    /// The state of the last sync: edits past it are "unsynced".
    let syncedState: UndoJournal.Checkpoint
    var editLock: EditLock?
    /// This session's recovery journal (only while it holds the edit lock).
    var recoveryJournal: RecoveryJournal?
    /// How the journal is written (`set journal`).
    public internal(set) var journalMode: JournalMode = .write
    /// A dead session's journal found at open, until `recover` resolves it.
    var pendingRecovery: PendingRecovery?
    /// Says so when a dead session's journal was found: the editor shows it at open.
    public internal(set) var recoveryNotice: String?
    /// Says so when a journal of a file that was at this path before it was replaced was
    /// found: it is never applied, and edits go on.
    public internal(set) var recoveryWarning: String?
    private var isClosed = false

    /// The one rule for creating: a read-only document is never created or grown, and a size
    /// to create is never negative. The CLI asks it before opening, to give a usage error.
    public static func checkCreation(readOnly: Bool, createSize: Int?) throws(EditorError) {
        if readOnly, createSize != nil {
            throw EditorError("a read-only document cannot be created or grown", kind: .invalid)
        }
        if let createSize, createSize < 0 {
            throw EditorError("the create size must not be negative", kind: .invalid)
        }
    }

    /// Opens `path`. A missing file is an error unless `createSize` is given, which creates it
    /// (or grows it) to at least that many bytes; a private document never creates or grows
    /// the file (it grows its own copy). Without write permission the file opens read-only and
    /// `readOnlyNotice` says so; `locking` says what to do when another session edits it.
    public init(
        path: FilePath, readOnly: Bool = false, privateMapping: Bool = false, createSize: Int? = nil,
        locking: Locking = .none
    ) throws(EditorError) {
        let shown = TerminalText.path(path)
        do {
            try Self.checkCreation(readOnly: readOnly, createSize: createSize)
        } catch {
            throw EditorError("\(shown): \(error.message)", kind: error.kind)
        }
        self.path = path
        self.displayPath = shown
        self.isPrivate = privateMapping
        let sharing: Sharing = privateMapping ? .private : .shared
        let creates = createSize != nil && !privateMapping
        let file: MappedFile
        do {
            file = try MappedFile(
                path: path, mode: readOnly ? .read : .readWrite, options: OpenOptions(create: creates, sharing: sharing)
            )
            isReadOnly = readOnly
        } catch .system(_, let errno)
            where !readOnly && !creates && [Errno.permissionDenied, .notPermitted, .readOnlyFileSystem].contains(errno)
        {
            do {
                file = try MappedFile(path: path, mode: .read, options: OpenOptions(sharing: sharing))
            } catch {
                throw Self.openError(error, shown: shown)
            }
            isReadOnly = true
            readOnlyNotice = "no write permission: \(shown) is open read-only"
        } catch {
            throw Self.openError(error, shown: shown)
        }
        createdFile = file.created
        store = privateMapping ? try PrivateStore(file: file) : SharedFileStore(file: file)
        identity = FileIdentity(path: path)
        syncedState = journal.checkpoint()
        if !isReadOnly && !privateMapping && locking != .none {
            do throws(EditorError) {
                editLock = try EditLock.acquire(store: store, displayPath: shown, waitSeconds: locking.waitSeconds)
            } catch  where error.kind == .busy && locking == .orReadOnly {
                // The status line has room for the name, not always for the whole path.
                let holder = (try? store.fileID()).map(EditLock.holder(of:)) ?? "another process"
                store.close()
                do {
                    store = SharedFileStore(file: try MappedFile(path: path, mode: .read))
                } catch {
                    throw Self.openError(error, shown: shown)
                }
                isReadOnly = true
                readOnlyNotice = "\(Formatting.fileName(of: path)) is being edited by \(holder): read-only"
            }
        }
        setUpJournal(holdingLock: editLock != nil)
        if let createSize, !isReadOnly {
            let before = try store.size()
            if before < createSize {
                try recoveryJournal?.append(.resize(from: before, to: createSize, cutTail: nil))
                try store.resize(to: createSize)
                journalStep()
            }
            if createdFile || before < createSize { creation = (before, max(before, createSize)) }
        }
    }

    /// Opens the file at a path given as text.
    public convenience init(
        path: String, readOnly: Bool = false, privateMapping: Bool = false, createSize: Int? = nil,
        locking: Locking = .none
    ) throws(EditorError) {
        try self.init(
            path: FilePath(path), readOnly: readOnly, privateMapping: privateMapping, createSize: createSize,
            locking: locking)
    }

    private static func openError(_ error: MapError, shown: String) -> EditorError {
        switch error {
        case .system(_, .noSuchFileOrDirectory):
            EditorError("\(shown): no such file", kind: .notFound)
        case .system(_, let errno):
            EditorError("\(shown): \(errno)", kind: .system)
        default:
            EditorError(error).prefixed("\(shown): ")
        }
    }

    /// The size in bytes.
    public var size: Int {
        (try? store.size()) ?? 0
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
        var bytes = [UInt8](repeating: 0, count: min(count, size - offset))
        try bytes.withMutableBytes { (buffer) throws(EditorError) in try store.read(into: buffer, at: offset) }
        return bytes
    }

    /// msync over the whole mapping; afterwards there are no unsynced edits.
    public func sync(async: Bool = false) throws(EditorError) {
        try store.sync(async: async)
        journal.move(syncedState)
        forgetJournalIfSynced()
    }

    /// madvise over a range (bounds-checked).
    public func advise(_ hint: Advice, offset: Int, count: Int) throws(EditorError) {
        try checkRange(offset: offset, count: count, what: "advise")
        try store.advise(hint, offset: offset, count: count)
    }

    /// Re-reads the file's size and remaps if another process changed it.
    public func refresh() throws(EditorError) -> SizeChange {
        try store.refresh()
    }

    /// Takes back every edit since the last sync (what `:q!` does before quitting).
    public func discardUnsyncedEdits() throws(EditorError) {
        try rollBack(to: syncedState)
    }

    /// Takes back what the create size did when the document opened: the file it created
    /// goes, the size it grew goes back. For a failed script, after its edits were rolled
    /// back, so that the disk is as the run found it. Nothing happens when the size is no
    /// longer the one the create size set (another process changed it).
    public func undoCreation() throws(EditorError) {
        guard let creation else { return }
        self.creation = nil
        _ = try store.refresh()
        guard try store.size() == creation.after else { return }
        if createdFile, FileIdentity(path: path) == identity {
            close()
            path.withPlatformString { _ = unlink($0) }
            return
        }
        try store.resize(to: creation.before)
    }

    /// Closes the mapping and gives up the edit lock; later calls fail with "the file is closed".
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        forgetJournalIfSynced()  // unsynced edits keep theirs: a later session recovers them
        editLock?.release()
        editLock = nil
        store.close()
    }

    deinit {
        close()
    }

    // MARK: - Shared checks

    func currentSize() throws(EditorError) -> Int {
        try store.size()
    }

    func checkWritable() throws(EditorError) {
        if let pending = pendingRecovery {
            throw EditorError(
                pending.notice + ": resolve it first with :recover rollback or :recover keep", kind: .recoveryPending)
        }
        if isReadOnly {
            throw EditorError(readOnlyNotice ?? "\(displayPath) is open read-only: edits are refused", kind: .readOnly)
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

extension Document.Locking {
    /// How long to wait for another session's lock: 0 means "try once".
    var waitSeconds: Double {
        if case .wait(let seconds) = self { return seconds }
        return 0
    }
}
