/// A non-negative number as the command language writes it: decimal (`4096`), hex (`0x1000`),
/// either with a binary suffix `k`, `m` or `g` (`4k` = 4096, `0x10k` = 16 KiB).
public enum NumberLiteral {
    enum Problem: Error, Equatable {
        case malformed
        case tooLarge
    }

    /// The value of `text`, or nil when it is not a valid number or does not fit in an Int.
    public static func value(of text: String) -> Int? {
        try? parse(text).get()
    }

    static func parse(_ text: String) -> Result<Int, Problem> {
        var digits = Substring(text)
        var multiplier = 1
        switch digits.last {
        case "k", "K": multiplier = 1 << 10
        case "m", "M": multiplier = 1 << 20
        case "g", "G": multiplier = 1 << 30
        default: break
        }
        if multiplier != 1 { digits = digits.dropLast() }
        var radix = 10
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            radix = 16
            digits = digits.dropFirst(2)
        }
        guard !digits.isEmpty else { return .failure(.malformed) }
        var value = 0
        for scalar in digits.unicodeScalars {
            guard scalar.isASCII, let digit = hexDigitValue(UInt8(scalar.value)), Int(digit) < radix else {
                return .failure(.malformed)
            }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: radix)
            let (sum, overflowB) = shifted.addingReportingOverflow(Int(digit))
            if overflowA || overflowB { return .failure(.tooLarge) }
            value = sum
        }
        let (scaled, overflow) = value.multipliedReportingOverflow(by: multiplier)
        return overflow ? .failure(.tooLarge) : .success(scaled)
    }
}
