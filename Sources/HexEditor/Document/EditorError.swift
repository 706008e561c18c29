import IOMMap

/// An error the editor reports to a person: the message says what went wrong and,
/// where it can, what to do instead. Commands, documents and scripts all throw it.
public struct EditorError: Error, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension EditorError {
    /// Translates a mapping-core error into words a user can act on.
    init(_ error: MapError) {
        switch error {
        case .closed:
            self.init("the file is closed")
        case .outOfBounds(let offset, let count, let size):
            self.init(
                "\(count) bytes at \(hex(offset)) run past the end of the file (size \(size))")
        case .accessDenied:
            self.init("the file is open read-only")
        case .busError:
            self.init(
                "the file shrank under us (bus error): another process truncated it; reopen to see its new size"
            )
        case .invalidArgument(let message):
            self.init(message)
        case .system(let operation, let errno):
            self.init("\(operation) failed: \(errno)")
        }
    }
}

/// `0x`-prefixed lower-case hex, the way offsets are shown everywhere in hexmap.
func hex(_ value: Int) -> String {
    "0x" + String(value, radix: 16)
}
