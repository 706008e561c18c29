import HexDump
import IOMMap

/// An error the editor reports to a person: the message says what went wrong and, where it
/// can, what to do instead; the kind lets callers decide (exit status, retry, read-only
/// fallback) without looking inside the message. Commands, documents and scripts all throw it.
public struct EditorError: Error, Equatable, CustomStringConvertible {
    /// What sort of failure it is.
    public enum Kind: Equatable, Sendable {
        /// A bad argument or a request that cannot be carried out; nothing changed.
        case invalid
        /// The file is open read-only.
        case readOnly
        /// The file does not exist.
        case notFound
        /// Another process cut the file under the operation.
        case truncated
        /// The file system is full.
        case noSpace
        /// A signal (SIGINT, SIGTERM, SIGHUP) asked hexmap to stop.
        case interrupted(signal: Int32)
        /// The user stopped the operation (Esc, Ctrl-C at the keyboard).
        case cancelled
        /// Another hexmap (or another program holding a lock) is editing the file.
        case busy
        /// The document or the mapping is closed.
        case closed
        /// A dead session's journal waits to be resolved before edits.
        case recoveryPending
        /// A system call failed for another reason.
        case system
    }

    public let kind: Kind
    public let message: String

    public init(_ message: String, kind: Kind = .invalid) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// The same error with more context in front of its message.
    func prefixed(_ context: String) -> EditorError {
        EditorError(context + message, kind: kind)
    }
}

extension EditorError {
    /// Translates a mapping-core error into words a user can act on.
    init(_ error: MapError) {
        switch error {
        case .closed:
            self.init("the file is closed", kind: .closed)
        case .outOfBounds(let offset, let count, let size):
            self.init("\(count) bytes at \(hex(offset)) run past the end of the file (size \(size))")
        case .accessDenied:
            self.init("the file is open read-only", kind: .readOnly)
        case .busError:
            self.init(
                "the file shrank under us (bus error): another process truncated it; reopen to see its new size",
                kind: .truncated)
        case .invalidArgument(let message):
            self.init(message)
        case .system(_, .noSpace):
            self.init("no space left on device", kind: .noSpace)
        case .system(let operation, let errno):
            self.init("\(operation) failed: \(errno)", kind: .system)
        }
    }
}

/// `0x`-prefixed lower-case hex, the way offsets are shown everywhere in hexmap.
func hex(_ value: Int) -> String {
    value < 0 ? "-0x" + Hex.number(value.magnitude) : "0x" + Hex.number(value)
}
