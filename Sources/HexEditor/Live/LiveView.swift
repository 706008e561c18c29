/// The live view's state beside the editor: the change highlight, the file
/// watcher, what became of the file, and the timing of frames.
///
/// The editor's event loop sleeps until a key, a watcher event, or
/// `frameIntervalNanoseconds`; then `EditorState.tick()` looks at the file
/// once (size, identity, the visible bytes) and asks for a frame only when
/// something a person would see changed.
public final class LiveView {
    /// The longest the loop sleeps between looks at the visible bytes. A shared
    /// mapping sees another process's writes without any event, so this bounds
    /// the delay from such a write to the screen.
    public static let frameIntervalNanoseconds: Int64 = 50_000_000

    public let tracker = ChangeTracker()
    /// Nil until `startWatching`: then events wake the loop at once.
    public private(set) var watcher: FileWatcher?
    /// The clock highlights fade by (tests set their own).
    public var now: () -> Int64 = MonotonicClock.now

    /// What became of the file at the path, as last seen.
    public internal(set) var fate: FileFate = .present
    /// The identity of the file the tracker's bytes came from.
    var shownIdentity: FileIdentity?
    /// Bytes read by `tick` for the next frame, so a frame reads the mapping once.
    var pendingFrame: FrameBytes?
    /// A key arrived since the last frame: differences it makes are the user's own edits.
    var keyPending = false
    /// When the last frame was drawn, to know when a highlight on it fades.
    var drawnAt: Int64 = 0

    /// With notifications, the size and the path are looked at on events, and
    /// at least this often in case one was lost (a remote file system, a full queue).
    public static let safetyLookNanoseconds: Int64 = 1_000_000_000

    /// A relevant watcher event arrived and the file has not been looked at since.
    var eventPending = false
    /// When the size and the path were last looked at.
    var lastLook: Int64 = 0

    public init() {}

    /// Reads the watcher's pending events; true when one concerned the file (the
    /// next `tick` then looks at its size and path).
    @discardableResult
    public func takeWatcherEvents() -> Bool {
        guard watcher?.drainEvents() == true else { return false }
        eventPending = true
        return true
    }

    /// Whether `tick` must stat the file: always when polling, else on an event or the safety interval.
    func mustLookAtFile(now: Int64) -> Bool {
        guard let watcher, watcher.mechanism != .polling else { return true }
        return eventPending || now - lastLook >= Self.safetyLookNanoseconds
    }

    /// Watches the document's file for changes by other processes (inotify, kqueue, or polling).
    public func startWatching(_ document: Document, notifications: Bool = true) {
        watcher = FileWatcher(path: document.path, notifications: notifications)
        shownIdentity = document.identity
    }

    /// How long the event loop may sleep before the next `tick`.
    public var sleepMilliseconds: Int32 {
        Int32(Self.frameIntervalNanoseconds / 1_000_000)
    }
}
