import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns SIGINT, SIGTERM and SIGHUP into a `StopRequest`, so that hexmap stops at a safe
/// point and rolls back instead of dying in the middle of an edit.
///
/// The handler only stores the signal number and, when asked, writes one byte to a pipe so
/// an event loop sleeping in `poll` wakes up. Everything else happens outside the handler.
public enum SignalStop {
    /// The stop request the handler sets.
    public static let request = StopRequest()
    /// Where the handler writes a byte to wake a sleeping loop; -1 for none.
    static let wakeDescriptor = Atomic<Int32>(-1)

    /// The signals that ask hexmap to stop.
    public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handler for `signals` and unblocks them (a parent may start us with
    /// signals blocked). `wakeDescriptor` is the write end of a pipe the event loop polls.
    public static func install(wakingUp descriptor: Int32? = nil) {
        _ = request  // initialised here, never first inside the handler
        wakeDescriptor.store(descriptor ?? -1, ordering: .relaxed)
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for signal in signals {
            var action = sigaction()
            #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = stopSignalHandler
            #else
            action.__sigaction_handler.sa_handler = stopSignalHandler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: a blocked read or poll returns so the loop can look
            sigaction(signal, &action, nil)
            sigaddset(&blocked, signal)
        }
        sigprocmask(SIG_UNBLOCK, &blocked, nil)
    }

    /// The exit status a shell gives a process ended by `signal`: 128 + its number.
    public static func exitStatus(for signal: Int32) -> Int32 {
        128 + signal
    }
}

private func stopSignalHandler(_ signal: Int32) {
    SignalStop.request.requestStop(signal: signal)
    let descriptor = SignalStop.wakeDescriptor.load(ordering: .relaxed)
    if descriptor >= 0 {
        var byte: UInt8 = 0
        _ = write(descriptor, &byte, 1)
    }
}
