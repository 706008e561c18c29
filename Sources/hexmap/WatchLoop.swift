import Glibc
import HexEditor

/// `hexmap FILE --watch` (or a script ending in `follow on`): prints the bytes
/// other processes append, as xxd lines, until interrupted or until the reader
/// of standard output goes away.
enum WatchLoop {
    /// With notifications the sleep is long: an event ends it. The timeout is a
    /// safety net for file systems whose events never come.
    static let notifiedSleepMilliseconds: Int32 = 1000

    /// Runs until SIGINT/SIGTERM (their default action ends the process; every
    /// batch is already written) or a write error. Returns the exit status.
    static func run(document: Document, output: StandardOutputSink) -> Int32 {
        unblockInterrupts()
        let watcher = FileWatcher(path: document.path)
        let tail = LiveTail(document: document, output: output, from: document.size)
        var watchedIdentity = document.identity
        let sleep =
            watcher.mechanism == .polling
            ? Int32(FileWatcher.pollingIntervalNanoseconds / 1_000_000) : notifiedSleepMilliseconds
        while true {
            do {
                for notice in try tail.look() {
                    writeToStandardError("hexmap: \(notice)\n")
                }
            } catch {
                // The reader went away (`| head`): watching has nobody to print for.
                return 0
            }
            if document.identity != watchedIdentity {
                watchedIdentity = document.identity
                watcher.rewatch()
            }
            wait(for: watcher, milliseconds: sleep)
            watcher.drainEvents()
        }
    }

    /// "Until interrupted" must hold even when a parent started us with these
    /// signals blocked (some process-spawning libraries do).
    private static func unblockInterrupts() {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, signal) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    private static func wait(for watcher: FileWatcher, milliseconds: Int32) {
        guard let descriptor = watcher.descriptor else {
            usleep(useconds_t(milliseconds) * 1000)
            return
        }
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&entry, 1, milliseconds)
    }
}
