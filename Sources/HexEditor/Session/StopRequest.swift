import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A request to stop a long operation at its next safe point: a signal (SIGINT, SIGTERM,
/// SIGHUP) or the user pressing Esc during a search.
///
/// Long loops (fill, shifting a tail for insert and delete, saving undo data, search, print)
/// call `check()` between steps and throw; the operation's failure path then puts back what
/// it changed, and the caller rolls back what came before. Undo and rollback never check:
/// once started, they run to the end.
public final class StopRequest: Sendable {
    /// 0: nothing requested; a signal number; or `userCancel`.
    private let state = Atomic<Int32>(0)
    private static let userCancel: Int32 = -1

    public init() {}

    /// Called from a signal handler: one atomic store, nothing else.
    public func requestStop(signal: Int32) {
        state.store(signal, ordering: .relaxed)
    }

    /// The user asked to stop (Esc).
    public func cancel() {
        state.store(Self.userCancel, ordering: .relaxed)
    }

    public var isRequested: Bool { state.load(ordering: .relaxed) != 0 }

    /// The signal that asked to stop, if a signal did.
    public var signal: Int32? {
        let value = state.load(ordering: .relaxed)
        return value > 0 ? value : nil
    }

    /// Forgets the request (the user's cancel, once the search it stopped is over).
    public func reset() {
        state.store(0, ordering: .relaxed)
    }

    /// Throws when a stop was requested.
    public func check() throws(EditorError) {
        let value = state.load(ordering: .relaxed)
        guard value != 0 else { return }
        if value == Self.userCancel { throw EditorError("cancelled", kind: .cancelled) }
        throw EditorError("interrupted by \(Self.name(of: value))", kind: .interrupted(signal: value))
    }

    /// `SIGINT`, `SIGTERM`, `SIGHUP`, or the number.
    public static func name(of signal: Int32) -> String {
        switch signal {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        case SIGQUIT: "SIGQUIT"
        default: "signal \(signal)"
        }
    }
}
