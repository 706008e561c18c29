/// What `inspect` and the inspector panel show for the bytes at one offset: every name of
/// DESIGN.md's list, in its order, with its value.
public struct Inspection: Sendable {
    /// The bytes one inspection looks at: enough for the longest value (a ten-byte LEB128).
    public static let window = 16

    /// The names, in the order they are shown.
    public static let names: [String] =
        ["binary"] + ScalarType.allCases.map(\.rawValue) + ["utf8", "uleb128", "sleb128", "unix32le", "unix64le"]

    public let offset: Int
    public let entries: [(name: String, value: TypedValue)]

    /// `bytes` start at `offset` and hold `window` bytes, or fewer when the file ends sooner.
    public init(offset: Int, bytes: ArraySlice<UInt8>) {
        self.offset = offset
        var entries: [(String, TypedValue)] = []
        entries.reserveCapacity(Self.names.count)
        let first = bytes.first
        entries.append(("binary", first.map { .text(Self.binary($0)) } ?? .missing))
        for type in ScalarType.allCases {
            entries.append((type.rawValue, bytes.count >= type.size ? type.decode(bytes) : .missing))
        }
        entries.append(("utf8", Self.utf8(bytes)))
        entries.append(("uleb128", LEB128.unsigned(bytes)))
        entries.append(("sleb128", LEB128.signed(bytes)))
        entries.append(("unix32le", Self.unixTime(bytes, type: .i32le)))
        entries.append(("unix64le", Self.unixTime(bytes, type: .i64le)))
        self.entries = entries
    }

    /// `01000001`.
    static func binary(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 2)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// Unix times are signed, as `time_t` is: 0xffffffff is one second before 1970.
    private static func unixTime(_ bytes: ArraySlice<UInt8>, type: ScalarType) -> TypedValue {
        guard bytes.count >= type.size, case .signed(let seconds) = type.decode(bytes) else { return .missing }
        return .text(UnixTime.format(seconds))
    }

    /// The character whose UTF-8 encoding starts here; `-` when the file ends inside a
    /// sequence that is valid so far, `invalid` for any other bad sequence.
    static func utf8(_ bytes: ArraySlice<UInt8>) -> TypedValue {
        guard let lead = bytes.first else { return .missing }
        let length: Int
        switch lead {
        case 0x00...0x7F: return .scalar(Unicode.Scalar(lead))
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return .invalid
        }
        let sequence = Array(bytes.prefix(length))
        // The second byte's range depends on the lead (no overlong forms, surrogates or code
        // points past U+10FFFF); later ones are plain continuation bytes.
        let second: ClosedRange<UInt8> =
            switch lead {
            case 0xE0: 0xA0...0xBF
            case 0xED: 0x80...0x9F
            case 0xF0: 0x90...0xBF
            case 0xF4: 0x80...0x8F
            default: 0x80...0xBF
            }
        for (index, byte) in sequence.enumerated().dropFirst() {
            guard (index == 1 ? second : 0x80...0xBF).contains(byte) else { return .invalid }
        }
        guard sequence.count == length else { return .missing }
        var value = UInt32(lead) & (0xFF >> UInt32(length + 1))
        for byte in sequence.dropFirst() { value = value << 6 | UInt32(byte & 0x3F) }
        return Unicode.Scalar(value).map(TypedValue.scalar) ?? .invalid
    }
}
