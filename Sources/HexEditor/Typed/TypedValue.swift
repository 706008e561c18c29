import HexDump

/// One value of a typed view (an `inspect` line, a `struct` field), and how it is written:
/// plainly for people, as a JSON value for programs, and ASCII-only for the editor's panels.
public enum TypedValue: Sendable {
    case unsigned(UInt64)
    case signed(Int64)
    case float32(Float)
    case float64(Double)
    /// Already text (`binary`, unix times): the same plainly and as a JSON string.
    case text(String)
    /// `utf8`: the code point, and the character when it is printable.
    case scalar(Unicode.Scalar)
    /// `u8[N]`: the first bytes (at most `StructEvaluation.shownArrayBytes`) of `total`.
    case bytes([UInt8], total: Int)
    /// `char[N]`: the same, shown as a quoted string with C escapes.
    case characters([UInt8], total: Int)
    /// The value would run past the end of the file: `-`, JSON `null`.
    case missing
    /// The bytes are no value of the type (invalid UTF-8, an over-long LEB128): `invalid`.
    case invalid

    /// `65`, `-0.0`, `nan`, `U+00E9 'é'`, `7f 45 4c 46`, `"GIF"`, `-`, `invalid`.
    public var plain: String { text(asciiOnly: false) }

    /// The same for the editor's screen, which shows ASCII only: `U+00E9` without its character.
    public var panelText: String { text(asciiOnly: true) }

    private func text(asciiOnly: Bool) -> String {
        switch self {
        case .unsigned(let value): String(value)
        case .signed(let value): String(value)
        case .float32(let value): value.description
        case .float64(let value): value.description
        case .text(let text): text
        case .scalar(let scalar): Self.describe(scalar, asciiOnly: asciiOnly)
        case .bytes(let bytes, let total):
            bytes.map(Hex.pair).joined(separator: " ") + (bytes.count < total ? " ..." : "")
        case .characters(let bytes, let total):
            Self.quoted(bytes) + (bytes.count < total ? "..." : "")
        case .missing: "-"
        case .invalid: "invalid"
        }
    }

    /// The value as JSON: numbers as numbers, nan and infinities as strings, `null` for `-`,
    /// `u8[N]` as one hex string, the rest as strings.
    var json: JSON.Value {
        switch self {
        case .unsigned(let value): .literal(String(value))
        case .signed(let value): .literal(String(value))
        case .float32(let value): value.isFinite ? .literal(value.description) : .string(value.description)
        case .float64(let value): value.isFinite ? .literal(value.description) : .string(value.description)
        case .bytes(let bytes, _): .string(Hex.string(bytes))
        case .characters(let bytes, _): .string(Self.escaped(bytes))
        case .missing: .null
        default: .string(plain)
        }
    }

    /// `U+00E9 'é'`, or `U+0007` when the character would not show (or is not ASCII, `asciiOnly`).
    static func describe(_ scalar: Unicode.Scalar, asciiOnly: Bool) -> String {
        let code = Hex.number(scalar.value, width: 4, uppercase: true)
        guard isPrintable(scalar), !asciiOnly || scalar.isASCII else { return "U+" + code }
        return "U+\(code) '\(scalar)'"
    }

    /// Whether a character shows as itself: no controls, format or private-use characters,
    /// separators other than the space, surrogates or unassigned code points.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if TerminalText.needsEscape(scalar) { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            return false
        case .spaceSeparator:
            return scalar == " "
        default:
            return true
        }
    }

    /// `"GIF89a"`: printable ASCII as itself, `\"` `\\` `\n` `\r` `\t`, anything else `\xHH`.
    static func quoted(_ bytes: [UInt8]) -> String {
        "\"" + escaped(bytes) + "\""
    }

    static func escaped(_ bytes: [UInt8]) -> String {
        var text = ""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): text += "\\\""
            case UInt8(ascii: "\\"): text += "\\\\"
            case 0x0A: text += "\\n"
            case 0x0D: text += "\\r"
            case 0x09: text += "\\t"
            case 0x20...0x7E: text.unicodeScalars.append(Unicode.Scalar(byte))
            default: text += "\\x" + Hex.pair(byte)
            }
        }
        return text
    }
}
