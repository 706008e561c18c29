import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wakes the live view when the file at a path may have changed: written,
/// grown, truncated, deleted, or replaced by a new file (log rotation).
///
/// On Linux it is inotify, on macOS and the BSDs kqueue; both give a
/// descriptor that turns readable, so the event loop sleeps in `poll` on the
/// terminal and this descriptor together and never spins. When neither can be
/// set up (inotify watches exhausted, a file system without events) the
/// watcher says `.polling` and the caller looks at the file every
/// `pollingIntervalNanoseconds` instead.
///
/// Events are hints: whoever wakes still re-reads the size and the bytes, so
/// a lost or merged event costs a little latency, never correctness.
public final class FileWatcher {
    public enum Mechanism: Equatable, Sendable {
        case inotify, kqueue, polling
    }

    /// How often to look at the file when no notifications are available.
    public static let pollingIntervalNanoseconds: Int64 = 100_000_000

    public let path: FilePath
    public private(set) var mechanism: Mechanism = .polling
    /// Readable when something happened; nil when polling.
    public private(set) var descriptor: Int32?

    #if os(Linux)
    private var fileWatch: Int32 = -1
    private var directoryWatch: Int32 = -1
    private let baseName: [UInt8]
    #elseif canImport(Darwin)
    private var fileDescriptor: Int32 = -1
    private var directoryDescriptor: Int32 = -1
    #endif

    /// Starts watching `path`. `notifications: false` forces the polling fallback (tests use it).
    public init(path: FilePath, notifications: Bool = true) {
        self.path = path
        #if os(Linux)
        baseName = Self.baseName(of: path)
        if notifications { startInotify() }
        #elseif canImport(Darwin)
        if notifications { startKqueue() }
        #endif
    }

    /// Watches a path given as text.
    public convenience init(path: String, notifications: Bool = true) {
        self.init(path: FilePath(path), notifications: notifications)
    }

    deinit {
        if let descriptor { close(descriptor) }
        #if canImport(Darwin) && !os(Linux)
        if fileDescriptor >= 0 { close(fileDescriptor) }
        if directoryDescriptor >= 0 { close(directoryDescriptor) }
        #endif
    }

    /// Reads every pending event without blocking; true when one concerned the file.
    @discardableResult
    public func drainEvents() -> Bool {
        guard let descriptor else { return false }
        #if os(Linux)
        return drainInotify(descriptor)
        #elseif canImport(Darwin)
        return drainKqueue(descriptor)
        #else
        return false
        #endif
    }

    /// Watches the file now at the path (after `:reopen` of a replaced file).
    public func rewatch() {
        #if os(Linux)
        guard let descriptor else { return }
        if fileWatch >= 0 { inotify_rm_watch(descriptor, fileWatch) }
        fileWatch = path.withPlatformString { inotify_add_watch(descriptor, $0, Self.fileEvents) }
        #elseif canImport(Darwin)
        guard descriptor != nil else { return }
        if fileDescriptor >= 0 { close(fileDescriptor) }
        fileDescriptor = path.withPlatformString { open($0, O_EVTONLY | O_CLOEXEC) }
        if fileDescriptor >= 0 { register(fileDescriptor, flags: Self.fileNotes) }
        #endif
    }

    /// The last component's bytes, as inotify reports names in the directory.
    static func baseName(of path: FilePath) -> [UInt8] { path.lastComponentBytes }

    static func directory(of path: FilePath) -> FilePath {
        let directory = path.parentDirectory
        return directory.isEmpty ? FilePath(".") : directory
    }

    // MARK: - inotify (Linux)

    #if os(Linux)
    /// Writes, truncation (IN_MODIFY), link-count changes on unlink (IN_ATTRIB), and the file going away.
    private static let fileEvents = UInt32(IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_DELETE_SELF | IN_MOVE_SELF)
    /// A file appearing at, or leaving, the path (rotation creates or renames one in).
    private static let directoryEvents = UInt32(IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM | IN_ONLYDIR)

    private func startInotify() {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return }
        fileWatch = path.withPlatformString { inotify_add_watch(descriptor, $0, Self.fileEvents) }
        guard fileWatch >= 0 else {
            close(descriptor)
            return
        }
        // Without the directory watch, deletion is still seen (IN_DELETE_SELF / IN_ATTRIB);
        // only a new file appearing at the path would wait for the next look.
        directoryWatch = Self.directory(of: path).withPlatformString {
            inotify_add_watch(descriptor, $0, Self.directoryEvents)
        }
        self.descriptor = descriptor
        mechanism = .inotify
    }

    private func drainInotify(_ descriptor: Int32) -> Bool {
        var relevant = false
        // Room for a few events (each a 16-byte header plus a padded name of up to NAME_MAX + 1),
        // on the stack and not zeroed: this runs on every tick, and the loop reads until drained.
        withUnsafeTemporaryAllocation(byteCount: 4096, alignment: 8) { buffer in
            while true {
                // Non-blocking: EAGAIN once drained, which ends the loop like the end of input.
                let count = (try? FileDescriptor(rawValue: descriptor).readSome(into: buffer)) ?? 0
                guard count > 0 else { return }
                let raw = UnsafeRawBufferPointer(buffer)
                var position = 0
                let header = MemoryLayout<inotify_event>.size
                while position + header <= count {
                    let watch = raw.loadUnaligned(fromByteOffset: position, as: Int32.self)
                    let mask = raw.loadUnaligned(fromByteOffset: position + 4, as: UInt32.self)
                    let nameLength = Int(raw.loadUnaligned(fromByteOffset: position + 12, as: UInt32.self))
                    if watch == fileWatch || mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        // An overflowed queue lost events: assume one was ours.
                        relevant = true
                    } else if watch == directoryWatch {
                        let name = raw[(position + header)..<min(count, position + header + nameLength)]
                        if Array(name.prefix { $0 != 0 }) == baseName { relevant = true }
                    }
                    position += header + nameLength
                }
            }
        }
        return relevant
    }
    #endif

    // MARK: - kqueue (macOS, BSD)

    #if canImport(Darwin) && !os(Linux)
    private static let fileNotes = UInt32(
        NOTE_WRITE | NOTE_EXTEND | NOTE_ATTRIB | NOTE_DELETE | NOTE_RENAME | NOTE_LINK)

    private func startKqueue() {
        let queue = kqueue()
        guard queue >= 0 else { return }
        descriptor = queue
        fileDescriptor = path.withPlatformString { open($0, O_EVTONLY | O_CLOEXEC) }
        guard fileDescriptor >= 0 else {
            close(queue)
            descriptor = nil
            return
        }
        register(fileDescriptor, flags: Self.fileNotes)
        directoryDescriptor = Self.directory(of: path).withPlatformString { open($0, O_EVTONLY | O_CLOEXEC) }
        if directoryDescriptor >= 0 { register(directoryDescriptor, flags: UInt32(NOTE_WRITE)) }
        mechanism = .kqueue
    }

    private func register(_ watched: Int32, flags: UInt32) {
        guard let descriptor else { return }
        var change = kevent(
            ident: UInt(watched), filter: Int16(EVFILT_VNODE), flags: UInt16(EV_ADD | EV_CLEAR),
            fflags: flags, data: 0, udata: nil)
        _ = kevent(descriptor, &change, 1, nil, 0, nil)
    }

    private func drainKqueue(_ descriptor: Int32) -> Bool {
        var relevant = false
        var events = [kevent](repeating: kevent(), count: 16)
        var zero = timespec(tv_sec: 0, tv_nsec: 0)
        while true {
            let count = kevent(descriptor, nil, 0, &events, Int32(events.count), &zero)
            guard count > 0 else { return relevant }
            // Directory writes are any entry changing; the caller's stat sorts them out.
            relevant = true
        }
    }
    #endif
}
