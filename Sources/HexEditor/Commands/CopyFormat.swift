import HexDump

/// `print [OFF [LEN]] as FORMAT`: bytes as text to paste into code or another tool.
public enum CopyFormat: String, CaseIterable, Equatable, Sendable {
    /// One hex string, lowercase, no separators: `7f454c46`.
    case hex
    /// A C initialiser's body, as `xxd -i` writes it: twelve `0x7f, ` items a line, indented.
    case c
    /// A Python bytes literal on one line: `b'\x7fELF\x02'` (the escapes `repr` uses).
    case python
    /// Standard base64 with padding, in lines of 76 characters (as `base64` writes it).
    case base64
}

/// Encodes bytes in a `CopyFormat` a chunk at a time, so any length takes bounded memory;
/// what it writes is ASCII and ends with a newline.
struct CopyEncoder {
    let format: CopyFormat
    /// Bytes encoded so far.
    private var count = 0
    /// base64: the bytes of an unfinished group of three.
    private var pending: [UInt8] = []
    /// base64: characters on the current line.
    private var column = 0

    static let cItemsPerLine = 12
    static let base64LineLength = 76

    init(format: CopyFormat) {
        self.format = format
    }

    /// What comes before the first byte.
    func begin(into out: inout [UInt8]) {
        if format == .python { out += Array("b'".utf8) }
    }

    mutating func append(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
        for byte in bytes {
            switch format {
            case .hex:
                Hex.append(byte, to: &out)
            case .c:
                if count == 0 {
                    out += [0x20, 0x20]
                } else if count % Self.cItemsPerLine == 0 {
                    out += Array(",\n  ".utf8)
                } else {
                    out += [UInt8(ascii: ","), 0x20]
                }
                out += [UInt8(ascii: "0"), UInt8(ascii: "x")]
                Hex.append(byte, to: &out)
            case .python:
                appendPythonEscaped(byte, to: &out)
            case .base64:
                pending.append(byte)
                if pending.count == 3 {
                    appendBase64Group(to: &out)
                }
            }
            count += 1
        }
    }

    /// What comes after the last byte, and the final newline.
    mutating func finish(into out: inout [UInt8]) {
        switch format {
        case .python: out.append(UInt8(ascii: "'"))
        case .base64 where !pending.isEmpty: appendBase64Group(to: &out)
        default: break
        }
        out.append(0x0A)
    }

    /// As Python's `repr` of bytes: `\t \n \r`, `\\` and `\'` escaped, printable ASCII as it
    /// is, anything else `\xNN`.
    private func appendPythonEscaped(_ byte: UInt8, to out: inout [UInt8]) {
        let backslash = UInt8(ascii: "\\")
        switch byte {
        case 0x09: out += [backslash, UInt8(ascii: "t")]
        case 0x0A: out += [backslash, UInt8(ascii: "n")]
        case 0x0D: out += [backslash, UInt8(ascii: "r")]
        case backslash, UInt8(ascii: "'"): out += [backslash, byte]
        case 0x20...0x7E: out.append(byte)
        default:
            out += [backslash, UInt8(ascii: "x")]
            Hex.append(byte, to: &out)
        }
    }

    /// Encodes `pending` (one to three bytes; fewer are padded with `=`), wrapping lines.
    private mutating func appendBase64Group(to out: inout [UInt8]) {
        if column == Self.base64LineLength {
            out.append(0x0A)
            column = 0
        }
        Base64.appendGroup(pending, to: &out)
        column += 4
        pending.removeAll(keepingCapacity: true)
    }
}
