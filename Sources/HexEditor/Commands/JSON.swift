import HexDump

/// The few JSON shapes `--json` writes: one object a line, keys in a fixed order.
enum JSON {
    enum Value {
        case string(String)
        case number(Int)
        case strings([String])
        case null
        /// A JSON number given as its text (a u64, a float's `description`).
        case literal(String)
        case array([Value])
        /// Keys in the order given.
        case object([(String, Value)])

        /// The value as `info` shows it without `--json`.
        var plain: String {
            switch self {
            case .string(let text): text
            case .number(let value): String(value)
            case .strings(let texts): texts.joined(separator: " ")
            case .null: "null"
            case .literal(let text): text
            case .array, .object: encoded
            }
        }

        var encoded: String {
            switch self {
            case .string(let text): JSON.quoted(text)
            case .number(let value): String(value)
            case .strings(let texts): "[" + texts.map(JSON.quoted).joined(separator: ",") + "]"
            case .null: "null"
            case .literal(let text): text
            case .array(let values): "[" + values.map(\.encoded).joined(separator: ",") + "]"
            case .object(let fields): JSON.object(fields)
            }
        }
    }

    static func object(_ fields: [(String, Value)]) -> String {
        "{" + fields.map { "\(quoted($0.0)):\($0.1.encoded)" }.joined(separator: ",") + "}"
    }

    /// `{"pattern":"4d5a??","offset":16}`, or `"offset":null` when there is no match.
    static func findResult(pattern: String, offset: Int?) -> String {
        object([("pattern", .string(pattern)), ("offset", offset.map(Value.number) ?? .null)])
    }

    /// `{"offset":16,"hex":"48656c6c6f","ascii":"Hello"}` for one row of a print.
    static func appendPrintRow(offset: Int, bytes: ArraySlice<UInt8>, to line: inout [UInt8]) {
        line.append(contentsOf: "{\"offset\":\(offset),\"hex\":\"".utf8)
        line.append(contentsOf: Hex.string(bytes).utf8)
        line.append(contentsOf: "\",\"ascii\":\"".utf8)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                line.append(UInt8(ascii: "\\"))
                line.append(byte)
            case 0x20...0x7E:
                line.append(byte)
            default:
                line.append(UInt8(ascii: "."))
            }
        }
        line.append(contentsOf: "\"}".utf8)
    }

    /// ASCII text as the inside of a JSON string (for text made a piece at a time).
    static func appendEscaped(_ ascii: ArraySlice<UInt8>, to out: inout [UInt8]) {
        for byte in ascii {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            default: out.append(byte)
            }
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                // Controls, DEL and C1 too: a terminal showing the JSON must not act on them.
                result += "\\u" + Hex.number(scalar.value, width: 4)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
