/// The classes bytes are coloured by, so structure in binary data stands out.
public enum ByteClass: Equatable, Sendable {
    case zero, printable, whitespace, control, high

    public init(_ byte: UInt8) {
        switch byte {
        case 0: self = .zero
        case 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20: self = .whitespace
        case 0x21...0x7e: self = .printable
        case 0x80...0xff: self = .high
        default: self = .control
        }
    }

    public var style: Style {
        switch self {
        case .zero: .zeroByte
        case .printable: .printableByte
        case .whitespace: .whitespaceByte
        case .control: .controlByte
        case .high: .highByte
        }
    }
}

extension UInt8 {
    /// The character the text pane shows: printable ASCII as itself, anything
    /// else as `.`, so file content never reaches the terminal as raw bytes.
    var textPaneCharacter: Character {
        (0x20...0x7e).contains(self) ? Character(UnicodeScalar(self)) : "."
    }
}
