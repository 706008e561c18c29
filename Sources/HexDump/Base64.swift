/// Standard base64 with padding (RFC 4648): the one encoder behind `print as base64` and the
/// clipboard's OSC 52 sequence.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Appends the four characters of one group: the first one to three bytes of `group`,
    /// padded with `=` when there are fewer than three.
    public static func appendGroup(_ group: some Collection<UInt8>, to out: inout [UInt8]) {
        var value: UInt32 = 0
        var count = 0
        for byte in group.prefix(3) {
            value |= UInt32(byte) << UInt32(16 - 8 * count)
            count += 1
        }
        for digit in 0..<4 {
            out.append(digit <= count ? alphabet[Int(value >> UInt32(18 - 6 * digit) & 0x3F)] : UInt8(ascii: "="))
        }
    }

    /// `bytes` encoded on one line.
    public static func encode(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            appendGroup(bytes[index..<min(index + 3, bytes.count)], to: &out)
            index += 3
        }
        return out
    }
}
