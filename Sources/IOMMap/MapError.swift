import SystemPackage

/// Everything that can go wrong with a mapped file.
public enum MapError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The handle was closed.
    case closed
    /// The range `offset..<offset+count` is not inside the mapped `size` bytes.
    case outOfBounds(offset: Int, count: Int, size: Int)
    /// The access mode forbids the operation (a write on a `.read` handle, a read on a `.write` one).
    case accessDenied
    /// The file shrank under the mapping: the access touched a page it no longer backs (SIGBUS caught).
    case busError
    /// An argument makes no sense; the text says which and why.
    case invalidArgument(String)
    /// A system call failed.
    case system(operation: String, errno: Errno)

    /// A one-line message for a person: what went wrong, with the numbers or the `errno` text.
    public var description: String {
        switch self {
        case .closed:
            return "the mapped file is closed"
        case .outOfBounds(let offset, let count, let size):
            return "range \(offset)+\(count) is outside the \(size) mapped bytes"
        case .accessDenied:
            return "the access mode does not allow this"
        case .busError:
            return "the file shrank under the mapping (bus error caught)"
        case .invalidArgument(let reason):
            return "invalid argument: \(reason)"
        case .system(let operation, let errno):
            return "\(operation) failed: \(errno.description)"
        }
    }
}
