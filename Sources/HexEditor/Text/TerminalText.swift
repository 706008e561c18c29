import HexDump
import SystemPackage

/// Text that is safe to show on a terminal.
///
/// File names and file contents are bytes: they may hold escape sequences (`ESC ]0;title BEL`
/// sets the window title, `ESC [2J` clears the screen) or bytes that are not UTF-8. Everything
/// hexmap prints that came from outside (paths, typed or scripted words, file bytes) goes
/// through here, so it reaches the terminal as visible, unambiguous characters.
public enum TerminalText {
    /// A path as a person reads it: valid, printable UTF-8 as itself; a backslash as `\\`;
    /// control characters as `\n`, `\t`, `\e` or `\xHH`; bytes that are not UTF-8 as `\xHH`.
    public static func path(_ path: FilePath) -> String {
        escaped(bytes: path.bytes, doublingBackslashes: true)
    }

    /// `text` with every character that could steer a terminal escaped: C0 and C1 controls,
    /// DEL, and the invisible characters that reorder or break lines (bidi overrides, U+2028).
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        return escaped(bytes: Array(text.utf8), doublingBackslashes: false)
    }

    /// Bytes shown as text: printable UTF-8 as itself, everything else escaped.
    public static func escaped(bytes: some Collection<UInt8>, doublingBackslashes: Bool = false) -> String {
        let bytes = Array(bytes)
        var result = ""
        var index = 0
        while index < bytes.count {
            let length = UTF8Validation.sequenceLength(bytes, at: index)
            guard length > 0 else {
                result += "\\x" + Hex.pair(bytes[index])
                index += 1
                continue
            }
            let scalar = String(decoding: bytes[index..<(index + length)], as: UTF8.self).unicodeScalars.first!
            append(scalar, doublingBackslashes: doublingBackslashes, to: &result)
            index += length
        }
        return result
    }

    /// Whether a scalar must not reach a terminal as itself.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func append(_ scalar: Unicode.Scalar, doublingBackslashes: Bool, to result: inout String) {
        switch scalar {
        case "\\" where doublingBackslashes: result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        case "\r": result += "\\r"
        case "\u{1B}": result += "\\e"
        case _ where needsEscape(scalar):
            if scalar.value < 0x80 {
                result += "\\x" + Hex.pair(UInt8(scalar.value))
            } else {
                result += "\\u{" + Hex.number(scalar.value) + "}"
            }
        default: result.unicodeScalars.append(scalar)
        }
    }
}
