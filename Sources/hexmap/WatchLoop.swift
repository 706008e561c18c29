import HexEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `hexmap FILE --watch` (or a script ending in `follow on`): prints the bytes
/// other processes append, as xxd lines, until interrupted or until the reader
/// of standard output goes away.
enum WatchLoop {
    /// With notifications the sleep is long: an event ends it. The timeout is a
    /// safety net for file systems whose events never come.
    static let notifiedSleepMilliseconds: Int32 = 1000

    /// Runs until SIGINT, SIGTERM or SIGHUP (exit 128 + the signal; every batch is already
    /// written) or until the reader of standard output goes away (exit 0).
    static func run(document: Document, output: StandardOutputSink) -> Int32 {
        SignalStop.install()
        let watcher = FileWatcher(path: document.path)
        let tail = LiveTail(document: document, output: output, from: document.size)
        var watchedIdentity = document.identity
        let sleep =
            watcher.mechanism == .polling
            ? Int32(FileWatcher.pollingIntervalNanoseconds / 1_000_000) : notifiedSleepMilliseconds
        while true {
            if let signal = SignalStop.request.signal { return SignalStop.exitStatus(for: signal) }
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

    private static func wait(for watcher: FileWatcher, milliseconds: Int32) {
        guard let descriptor = watcher.descriptor else {
            usleep(useconds_t(milliseconds) * 1000)
            return
        }
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&entry, 1, milliseconds)
    }
}
