/// How to open and map a file. Every field has a default, so `OpenOptions()` opens an existing file as it is.
public struct OpenOptions: Sendable, Equatable {
    /// Create the file if it does not exist (not with `.read`).
    public var create: Bool
    /// Empty the file when it opens, as `O_TRUNC` does, then give it `size` zero bytes (or
    /// none without one): none of the old bytes survive (not with `.read`).
    public var truncate: Bool
    /// Grow the file to at least this many bytes; never shrinks it unless `truncate` is set.
    public var size: Int?
    /// `.shared` (writes reach the file) or `.private` (copy-on-write).
    public var sharing: Sharing
    /// `mlock` the mapped bytes; a failure (for example RLIMIT_MEMLOCK) fails the open.
    public var lock: Bool
    /// Fault the pages in up front (MAP_POPULATE on Linux, madvise(WILLNEED) elsewhere).
    public var populate: Bool
    /// Bypass the unified buffer cache (F_NOCACHE on macOS; a no-op elsewhere).
    public var noCache: Bool

    /// Options for ``MappedFile/init(path:mode:options:)-(String,_,_)``; every one defaults to off
    /// (and `sharing` to `.shared`), so name only those you need.
    ///
    /// - Parameters:
    ///   - create: Create the file if it is missing.
    ///   - truncate: Empty the file first, then give it `size` zero bytes.
    ///   - size: The least size the file should have (the exact size with `truncate`).
    ///   - sharing: Whether writes reach the file.
    ///   - lock: Lock the mapped pages in memory.
    ///   - populate: Read the pages in when the file opens.
    ///   - noCache: Bypass the buffer cache (macOS only).
    public init(
        create: Bool = false,
        truncate: Bool = false,
        size: Int? = nil,
        sharing: Sharing = .shared,
        lock: Bool = false,
        populate: Bool = false,
        noCache: Bool = false
    ) {
        self.create = create
        self.truncate = truncate
        self.size = size
        self.sharing = sharing
        self.lock = lock
        self.populate = populate
        self.noCache = noCache
    }
}
