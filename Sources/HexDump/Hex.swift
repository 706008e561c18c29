/// Hex digits: the one place hexmap turns bytes and numbers into hex text (the dump's tables,
/// the view, patterns, JSON, error messages and escapes all write it through here).
public enum Hex {
    public static let lowercaseDigits: [UInt8] = Array("0123456789abcdef".utf8)
    public static let uppercaseDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// The ASCII digit of a nibble (0…15).
    @inlinable
    public static func digit(_ nibble: UInt8, uppercase: Bool = false) -> UInt8 {
        (uppercase ? uppercaseDigits : lowercaseDigits)[Int(nibble & 0xF)]
    }

    /// The two ASCII digits of `byte`, appended to `out`.
    @inlinable
    public static func append(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(digit(byte >> 4))
        out.append(digit(byte))
    }

    /// `byte` as two lowercase digits: `0a`.
    public static func pair(_ byte: UInt8) -> String {
        String(decoding: [digit(byte >> 4), digit(byte)], as: UTF8.self)
    }

    /// `bytes` as lowercase digit pairs with nothing between: `4d5a90`.
    public static func string(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        for byte in bytes { append(byte, to: &text) }
        return String(decoding: text, as: UTF8.self)
    }

    /// A number in hex (lowercase unless asked), zero-padded to at least `width` digits.
    public static func number(_ value: some BinaryInteger, width: Int = 1, uppercase: Bool = false) -> String {
        let digits = String(value.magnitude, radix: 16, uppercase: uppercase)
        let padded = digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        return value < 0 ? "-" + padded : padded
    }
}
