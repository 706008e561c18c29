import CIOMMap
import Synchronization
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped into memory: read and write it at any offset, take zero-copy
/// views, sync, advise, resize with a live remap, and get `.busError` instead
/// of a crash when another process shrinks the file.
///
/// One handle may be used from any number of threads. Readers never lock: the
/// handle publishes a view (its mapping's address and size, and whether reads
/// are allowed) under a sequence counter (a seqlock), and a read retries if a
/// write, resize or close ran while it copied, so it never returns half of a
/// concurrent write. Everything that changes bytes or the mapping holds one
/// mutex. A reader names the view it uses in its thread's record; a view that
/// a resize, refresh or close replaced (and the mapping it holds) is freed once
/// no thread names it, so a racing reader always copies from memory that is
/// still mapped, and a handle that follows a growing file for days stays small.
///
/// <doc:GuardsAndLocking> says which call takes the lock and what is safe across threads;
/// <doc:FileShrinking> says what a caller sees when the file shrinks, and how to go on.
public final class MappedFile: @unchecked Sendable {
    /// The path the file was opened at, as its bytes.
    public let filePath: FilePath
    /// The path as text (bytes that are not UTF-8 are replaced; `filePath` keeps them).
    public var path: String { filePath.string }
    /// What the handle may do.
    public let mode: AccessMode
    /// Whether writes reach the file.
    public let sharing: Sharing
    /// Whether this open created the file (`OpenOptions.create` on a missing path).
    public let created: Bool
    /// The system's page size; `sync` and `advise` round ranges to it.
    public static var pageSize: Int { systemPageSize }

    /// The seqlock, the current view and the poison record (patches the SIGBUS handler made),
    /// in C memory that inline C reads with plain atomic loads.
    @usableFromInline let published: UnsafeMutablePointer<iommap_published>
    /// The poison record inside `published`.
    @usableFromInline let poison: UnsafeMutablePointer<iommap_poison>
    let state: Locked<State>

    struct State {
        var descriptor: CInt
        var mapping: Mapping
        /// The view readers see now.
        var view: UnsafeMutablePointer<iommap_view>
        /// Views replaced by a resize, refresh or close that a racing reader may still name.
        var retired: [UnsafeMutablePointer<iommap_view>] = []
        /// How many retired views to let pile up before looking for ones to free.
        var reclaimThreshold = MappedFile.reclaimBatch
        var size: Int
        var isClosed = false
        let locksMemory: Bool
    }

    /// Retired views are looked at in batches: each look costs one membarrier.
    static let reclaimBatch = 32

    /// Opens (and, if asked, creates, grows or truncates) the file at `path` and maps it.
    ///
    /// Arguments are checked before anything touches the disk; a failed open
    /// leaves no descriptor, no mapping, and no file that was not there.
    /// An empty file opens with size 0 and can grow with ``resize(to:)``.
    ///
    /// - Parameters:
    ///   - path: The file's path.
    ///   - mode: What the handle may do; `.readWrite` unless you say otherwise.
    ///   - options: Whether to create, truncate or grow the file, and how to map it.
    /// - Throws: ``MapError/invalidArgument(_:)`` for a path that is empty or holds a NUL byte,
    ///   a negative size, `create` or `truncate` with `.read`, or a path that names no regular
    ///   file; ``MapError/system(operation:errno:)`` when a system call fails (`open` with
    ///   `.noSuchFileOrDirectory` for a missing file, `mlock` when `lock` cannot be honoured).
    public convenience init(path: String, mode: AccessMode = .readWrite, options: OpenOptions = OpenOptions())
        throws(MapError)
    {
        guard !path.utf8.contains(0) else { throw .invalidArgument("the path contains a NUL byte") }
        try self.init(path: FilePath(path), mode: mode, options: options)
    }

    /// Opens the file at a `FilePath`. Its bytes reach the kernel unchanged, so a name that is
    /// not valid UTF-8 opens the file it names.
    ///
    /// Otherwise the same as ``init(path:mode:options:)-(String,_,_)``, with the same errors.
    public init(path: FilePath, mode: AccessMode = .readWrite, options: OpenOptions = OpenOptions())
        throws(MapError)
    {
        guard !path.isEmpty else { throw .invalidArgument("the path is empty") }
        if mode == .read && (options.create || options.truncate) {
            throw .invalidArgument("a read-only open cannot create or truncate the file")
        }
        if let size = options.size, size < 0 {
            throw .invalidArgument("size \(size) is negative")
        }
        iommap_guard_install()

        let opened = try FileOpening.open(path: path, mode: mode, options: options)
        do throws(MapError) {
            let mapping = try FileOpening.map(opened, mode: mode, options: options)
            self.filePath = path
            self.mode = mode
            self.sharing = options.sharing
            self.created = opened.created
            guard let published = iommap_published_create() else {
                throw MapError.system(operation: "calloc", errno: .noMemory)
            }
            self.published = published
            self.poison = published.pointer(to: \.poison)!
            let view = Self.makeView(
                of: mapping, size: opened.size, readable: mode.allowsReading, poison: poison)
            iommap_publish_view(published, view, opened.size)
            self.state = Locked(
                State(
                    descriptor: opened.descriptor, mapping: mapping, view: view, size: opened.size,
                    locksMemory: options.lock))
        } catch {
            opened.undo()
            throw error
        }
    }

    deinit {
        state.withLock { state in
            if !state.isClosed {
                _ = systemFileLock(state.descriptor, LOCK_UN)  // a region may keep the open file alive
                _ = systemClose(state.descriptor)
            }
            // No reader can be inside: each holds a reference to the handle.
            for view in state.retired { Self.free(view) }
            Self.free(state.view)
            state.retired = []
        }
        iommap_published_destroy(published)
    }

    /// The mapped size in bytes (iommap's `position/1`).
    ///
    /// Lock-free. It changes only through this handle: ``resize(to:)``, or ``refresh()`` when
    /// another process changed the file. After a ``MapError/busError`` it stays as it was.
    ///
    /// - Throws: ``MapError/closed``.
    public func size() throws(MapError) -> Int {
        let size = iommap_published_size(published)
        guard size >= 0 else { throw .closed }
        return size
    }

    /// Closes the handle. Regions taken from it stay valid; a second close throws `.closed`.
    ///
    /// Closing waits for a running write or resize, and a read that overlaps it retries and
    /// then fails with ``MapError/closed``: it never unmaps memory a call is using. The
    /// descriptor and the ``tryLock()`` lock go now; the memory is unmapped once neither the
    /// handle object, nor a ``MappedRegion``, nor a running scope holds it.
    ///
    /// - Throws: ``MapError/closed`` when the handle is already closed.
    public func close() throws(MapError) {
        try state.withLock { (state) throws(MapError) in
            guard !state.isClosed else { throw .closed }
            beginChange()
            state.isClosed = true
            replaceView(size: state.size, in: &state)
            endChange()
            // The mappings keep the open file alive after the descriptor closes, and a lock
            // with it: give the lock up explicitly.
            _ = systemFileLock(state.descriptor, LOCK_UN)
            _ = systemClose(state.descriptor)
            reclaimRetired(&state, force: true)
        }
    }

    // MARK: - Publishing changes to lock-free readers (call under the lock)

    func beginChange() {
        iommap_change_begin(published)
    }

    func endChange() {
        iommap_change_end(published)
    }

    /// Makes `mapping` and `size` what readers see; the old view (and with it the old mapping)
    /// is kept for racing readers until `reclaimRetired` finds none. Call between
    /// `beginChange()` and `endChange()`.
    func publish(_ mapping: Mapping, size: Int, in state: inout State) {
        state.mapping = mapping
        state.size = size
        replaceView(size: size, in: &state)
    }

    /// Publishes a new view of the current mapping and retires the old one.
    private func replaceView(size: Int, in state: inout State) {
        let view = Self.makeView(
            of: state.mapping, size: size, readable: mode.allowsReading && !state.isClosed, poison: poison)
        iommap_publish_view(published, view, state.isClosed ? -1 : size)
        state.retired.append(state.view)
        state.view = view
    }

    /// A view of `size` bytes of `mapping`: address and size as one pointer, so no reader
    /// pairs one mapping's size with another's address. It holds the mapping until freed.
    private static func makeView(
        of mapping: Mapping, size: Int, readable: Bool, poison: UnsafeMutablePointer<iommap_poison>
    ) -> UnsafeMutablePointer<iommap_view> {
        let view = UnsafeMutablePointer<iommap_view>.allocate(capacity: 1)
        view.initialize(
            to: iommap_view(
                base: mapping.base.assumingMemoryBound(to: CChar.self), readable: readable ? size : -1, size: size,
                poison: poison, owner: UnsafeRawPointer(Unmanaged.passRetained(mapping).toOpaque())))
        return view
    }

    private static func free(_ view: UnsafeMutablePointer<iommap_view>) {
        if let owner = view.pointee.owner {
            Unmanaged<Mapping>.fromOpaque(owner).release()
        }
        view.deallocate()
    }

    /// Frees the retired views no reader names any more (their mappings go with the last
    /// reference: regions keep theirs). Looks only when enough have piled up, unless `force`.
    /// Where the system has no membarrier, views are kept until the handle goes.
    func reclaimRetired(_ state: inout State, force: Bool = false) {
        guard !state.retired.isEmpty, force || state.retired.count >= state.reclaimThreshold else { return }
        // A patch in a mapping about to be unmapped is repaired first, so no repair can later
        // land on whatever the system maps at that address next.
        repairAfterFault(&state)
        var inUse = [UInt8](repeating: 1, count: state.retired.count)
        let views = state.retired.map { UnsafePointer($0) }
        _ = views.withUnsafeBufferPointer { views in
            inUse.withUnsafeMutableBufferPointer { inUse in
                iommap_views_in_use(views.baseAddress!, views.count, inUse.baseAddress!)
            }
        }
        var kept: [UnsafeMutablePointer<iommap_view>] = []
        for (view, used) in zip(state.retired, inUse) {
            if used != 0 { kept.append(view) } else { Self.free(view) }
        }
        state.retired = kept
        state.reclaimThreshold = max(Self.reclaimBatch, kept.count * 2)
    }

    /// The mappings this handle still holds: the current one and those of retired views.
    func knownMappings(_ state: State) -> [Mapping] {
        var mappings = [state.mapping]
        for view in state.retired {
            guard let owner = view.pointee.owner else { continue }
            let mapping = Unmanaged<Mapping>.fromOpaque(owner).takeUnretainedValue()
            if !mappings.contains(where: { $0 === mapping }) { mappings.append(mapping) }
        }
        return mappings
    }

    /// The number of views and distinct mappings the handle holds (a test hook: both stay
    /// small however often the handle is resized).
    @_spi(Testing) public var heldViewsAndMappings: (views: Int, mappings: Int) {
        state.withLock { state in (state.retired.count + 1, knownMappings(state).count) }
    }

    /// The guard description for an access to `count` bytes at `address`.
    @usableFromInline @inline(__always)
    func guardRange(_ address: UnsafeRawPointer, _ count: Int) -> iommap_guard_range {
        iommap_guard_range(base: address, length: count, poison: poison)
    }

    /// Runs `body` on the state under the lock, after the checks every call makes:
    /// the handle is open and its mode allows the access (`allowWriteOnly`: any mode does).
    func withOpenState<R>(
        writing: Bool, allowWriteOnly: Bool = false, _ body: (inout State) throws(MapError) -> R
    ) throws(MapError) -> R {
        try state.withLock { (state) throws(MapError) -> R in
            guard !state.isClosed else { throw .closed }
            let allowed = allowWriteOnly || (writing ? mode.allowsWriting : mode.allowsReading)
            guard allowed else { throw .accessDenied }
            return try body(&state)
        }
    }
}
