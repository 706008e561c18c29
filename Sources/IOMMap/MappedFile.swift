#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CIOMMap
import Synchronization
import SystemPackage

/// A file mapped into memory: read and write it at any offset, take zero-copy
/// views, sync, advise, resize with a live remap, and get `.busError` instead
/// of a crash when another process shrinks the file.
///
/// One handle may be used from any number of threads. Readers never lock: the
/// handle publishes its mapping's address and size under a sequence counter
/// (a seqlock), and a read retries if a writer, resize or close ran while it
/// copied, so it never returns half of a concurrent write. Everything that
/// changes bytes or the mapping holds one mutex. Mappings a handle replaced are
/// kept until the handle goes away, so a reader that raced with `resize` or
/// `close` copies from memory that is still mapped, then retries.
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

    // The seqlock view: odd while a change is under way.
    @usableFromInline let sequence = Atomic<UInt>(0)
    /// The address of the current `PublishedView` (address and size that belong together).
    @usableFromInline let publishedView = Atomic<UInt>(0)
    @usableFromInline let publishedClosed = Atomic<Bool>(false)
    /// Counts the pages the SIGBUS handler patched in this handle's mappings.
    @usableFromInline let poison: UnsafeMutablePointer<iommap_poison>
    let state: Locked<State>

    struct State {
        var descriptor: CInt
        var mapping: Mapping
        /// Mappings replaced by a resize or a close, kept for racing readers.
        var retired: [Mapping] = []
        /// Every view ever published (a reader may still hold an old one); freed with the handle.
        var views: [UnsafeMutablePointer<PublishedView>] = []
        var size: Int
        var isClosed = false
        let locksMemory: Bool
    }

    /// Opens (and, if asked, creates, grows or truncates) the file at `path` and maps it.
    ///
    /// Arguments are checked before anything touches the disk; a failed open
    /// leaves no descriptor, no mapping, and no file that was not there.
    public convenience init(path: String, mode: AccessMode = .readWrite, options: OpenOptions = OpenOptions())
        throws(MapError)
    {
        guard !path.utf8.contains(0) else { throw .invalidArgument("the path contains a NUL byte") }
        try self.init(path: FilePath(path), mode: mode, options: options)
    }

    /// Opens the file at a `FilePath`. Its bytes reach the kernel unchanged, so a name that is
    /// not valid UTF-8 opens the file it names.
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
            guard let poison = iommap_poison_create() else {
                throw MapError.system(operation: "calloc", errno: .noMemory)
            }
            self.poison = poison
            var state = State(
                descriptor: opened.descriptor, mapping: mapping, size: opened.size, locksMemory: options.lock)
            Self.publishView(of: mapping, size: opened.size, to: publishedView, in: &state)
            self.state = Locked(state)
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
            for view in state.views { view.deallocate() }
        }
        iommap_poison_destroy(poison)
    }

    /// The mapped size in bytes (iommap's `position/1`).
    public func size() throws(MapError) -> Int {
        guard !publishedClosed.load(ordering: .acquiring) else { throw .closed }
        return currentView.pointee.size
    }

    /// Closes the handle. Regions taken from it stay valid; a second close throws `.closed`.
    public func close() throws(MapError) {
        try state.withLock { (state) throws(MapError) in
            guard !state.isClosed else { throw .closed }
            beginChange()
            state.isClosed = true
            publishedClosed.store(true, ordering: .relaxed)
            endChange()
            // The mappings keep the open file alive after the descriptor closes, and a lock
            // with it: give the lock up explicitly.
            _ = systemFileLock(state.descriptor, LOCK_UN)
            _ = systemClose(state.descriptor)
        }
    }

    // MARK: - Publishing changes to lock-free readers (call under the lock)

    func beginChange() {
        sequence.wrappingAdd(1, ordering: .sequentiallyConsistent)
        // The odd count must be visible before any byte of the change (ARM reorders plain stores).
        atomicMemoryFence(ordering: .sequentiallyConsistent)
    }

    func endChange() {
        sequence.wrappingAdd(1, ordering: .releasing)
    }

    /// Makes `mapping` and `size` what readers see; the old mapping is kept for
    /// racing readers. Call between `beginChange()` and `endChange()`.
    func publish(_ mapping: Mapping, size: Int, in state: inout State) {
        if mapping !== state.mapping {
            state.retired.append(state.mapping)
            state.mapping = mapping
        }
        state.size = size
        Self.publishView(of: mapping, size: size, to: publishedView, in: &state)
    }

    /// Publishes address and size as one pointer, so no reader pairs one mapping's size with another's address.
    private static func publishView(
        of mapping: Mapping, size: Int, to published: borrowing Atomic<UInt>, in state: inout State
    ) {
        let view = UnsafeMutablePointer<PublishedView>.allocate(capacity: 1)
        view.initialize(to: PublishedView(base: mapping.base, size: size))
        state.views.append(view)
        published.store(UInt(bitPattern: view), ordering: .releasing)
    }

    /// The view readers use now.
    @usableFromInline
    var currentView: UnsafePointer<PublishedView> {
        UnsafePointer(bitPattern: publishedView.load(ordering: .acquiring))!
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
