/// Numbers as xxd reads its option values: C's `strtol`/`strtoul` with base 0.
///
/// Leading blanks, an optional sign, then `0x` hex, a leading `0` octal, or decimal; reading stops
/// at the first character that does not fit, so `10abc` is 10 and `abc` is 0; out-of-range values
/// saturate. Matching these rules keeps `-s 0x10`, `-c16`, `-l 010` meaning what they mean to xxd.
enum XXDNumber {
    /// `strtol(text, NULL, 0)` on a 64-bit `long`.
    static func long(_ text: some StringProtocol) -> Int {
        let (negative, magnitude, overflowed) = scan(text)
        if negative {
            if overflowed || magnitude > UInt64(Int64.max) + 1 { return Int.min }
            return Int(truncatingIfNeeded: 0 &- magnitude)
        }
        if overflowed || magnitude > UInt64(Int64.max) { return Int.max }
        return Int(magnitude)
    }

    /// `strtoul(text, NULL, 0)` on a 64-bit `unsigned long` (a minus sign negates modulo 2^64).
    static func unsignedLong(_ text: some StringProtocol) -> UInt64 {
        let (negative, magnitude, overflowed) = scan(text)
        if overflowed { return UInt64.max }
        return negative ? 0 &- magnitude : magnitude
    }

    /// `(int)strtol(...)`: xxd keeps columns and group sizes in an `int`, so large values wrap.
    static func int(_ text: some StringProtocol) -> Int {
        Int(Int32(truncatingIfNeeded: long(text)))
    }

    private static func scan(_ text: some StringProtocol) -> (negative: Bool, magnitude: UInt64, overflowed: Bool) {
        let bytes = Array(text.utf8)
        var index = 0
        // isspace in the C locale: space, \t, \n, \v, \f, \r
        while index < bytes.count, bytes[index] == 0x20 || (0x09...0x0d).contains(bytes[index]) {
            index += 1
        }
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var base: UInt64 = 10
        if index < bytes.count, bytes[index] == UInt8(ascii: "0") {
            let hasHexPrefix =
                index + 2 < bytes.count && (bytes[index + 1] | 0x20) == UInt8(ascii: "x")
                && digitValue(bytes[index + 2]).map { $0 < 16 } == true
            if hasHexPrefix {
                base = 16
                index += 2
            } else {
                base = 8
            }
        }
        var magnitude: UInt64 = 0
        var overflowed = false
        while index < bytes.count, let digit = digitValue(bytes[index]), digit < base {
            let (shifted, overflow1) = magnitude.multipliedReportingOverflow(by: base)
            let (sum, overflow2) = shifted.addingReportingOverflow(digit)
            overflowed = overflowed || overflow1 || overflow2
            magnitude = sum
            index += 1
        }
        return (negative, magnitude, overflowed)
    }

    private static func digitValue(_ byte: UInt8) -> UInt64? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt64(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt64(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt64(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
