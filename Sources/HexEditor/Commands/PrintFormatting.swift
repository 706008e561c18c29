/// xxd's default line, byte for byte: `%08x: ` offset, 16 bytes as hex in pairs of two,
/// padded to 40 columns, a space, then the bytes as ASCII with `.` for anything unprintable.
/// (Written here because the dump tool's formatter was not on a branch yet; see the report.)
enum PrintFormatting {
    static let bytesPerLine = 16
    private static let digits = Array("0123456789abcdef".utf8)

    /// Appends the xxd line for `bytes` (at most 16) that start at file offset `offset`.
    static func appendXXDLine(offset: Int, bytes: ArraySlice<UInt8>, to line: inout [UInt8]) {
        var offsetDigits: [UInt8] = []
        var rest = UInt(offset)
        repeat {
            offsetDigits.append(digits[Int(rest & 0xF)])
            rest >>= 4
        } while rest != 0
        for _ in offsetDigits.count..<max(8, offsetDigits.count) { line.append(UInt8(ascii: "0")) }
        line.append(contentsOf: offsetDigits.reversed())
        line.append(UInt8(ascii: ":"))
        line.append(UInt8(ascii: " "))
        for column in 0..<bytesPerLine {
            if column < bytes.count {
                let byte = bytes[bytes.startIndex + column]
                line.append(digits[Int(byte >> 4)])
                line.append(digits[Int(byte & 0xF)])
            } else {
                line.append(UInt8(ascii: " "))
                line.append(UInt8(ascii: " "))
            }
            if column % 2 == 1 { line.append(UInt8(ascii: " ")) }
        }
        line.append(UInt8(ascii: " "))
        for byte in bytes {
            line.append((0x20...0x7E).contains(byte) ? byte : UInt8(ascii: "."))
        }
    }
}
