#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The editor's one place to sleep: in `poll` on the terminal and the file
/// watcher together, up to the live view's frame interval. Nothing spins: an
/// idle editor on an unchanging file wakes only for its periodic look.
enum LiveEventWait {
    enum Wake: Equatable {
        /// A key (or a resize: SIGWINCH interrupts the sleep) may be ready.
        case input
        /// The watcher saw the file change.
        case fileEvent
        /// Nothing happened within the timeout.
        case timeout
        /// The terminal hung up.
        case hangUp
        /// A signal asked to stop (its handler wrote to the wake pipe).
        case signal
    }

    static func wait(terminal: Int32, watcher: Int32?, signals: Int32, timeoutMilliseconds: Int32) -> Wake {
        var descriptors = [
            pollfd(fd: terminal, events: Int16(POLLIN), revents: 0),
            pollfd(fd: signals, events: Int16(POLLIN), revents: 0),
        ]
        if let watcher { descriptors.append(pollfd(fd: watcher, events: Int16(POLLIN), revents: 0)) }
        let ready = poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds)
        if ready < 0 { return .input }  // EINTR: a signal such as SIGWINCH; ncurses has a key for it
        if ready == 0 { return .timeout }
        if Int32(descriptors[1].revents) & Int32(POLLIN) != 0 { return .signal }
        let terminalEvents = Int32(descriptors[0].revents)
        if terminalEvents & Int32(POLLIN) != 0 { return .input }
        if terminalEvents & Int32(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hangUp }
        return .fileEvent
    }
}
