/// A number as `poke` takes it: decimal or `0x` hex (a `k`, `m` or `g` suffix too), `-` for
/// negative, or a float literal (`1.5`, `-2e-3`, `inf`, `-inf`, `nan`). Whether it fits a type
/// is the type's business (`ScalarType.encode`).
public struct ScalarLiteral: Equatable, Sendable {
    public enum Value: Equatable, Sendable {
        /// The magnitude is nil when it is larger than any type holds (more than 64 bits).
        case integer(negative: Bool, magnitude: UInt64?)
        /// The literal's text, for the float parsers of each width (no double rounding).
        case float(String)

        /// The text the float parsers read.
        var floatText: String {
            switch self {
            case .float(let text): text
            case .integer(let negative, let magnitude):
                // Larger than 64 bits: as a float it is still a (large) finite number.
                (negative ? "-" : "") + (magnitude.map { String($0) } ?? "1e20")
            }
        }

        var isInfinityLiteral: Bool {
            if case .float(let text) = self {
                return text.lowercased().hasSuffix("inf") || text.lowercased().hasSuffix("infinity")
            }
            return false
        }
    }

    /// The literal as written.
    public let text: String
    public let value: Value

    /// Why a literal cannot be written as a type: `VALUE does not fit TYPE`.
    public struct Mismatch: Error, Equatable, Sendable {
        public let literal: String
        public let type: ScalarType
        public var reason: String?

        func explaining(_ reason: String) -> Mismatch {
            var copy = self
            copy.reason = reason
            return copy
        }

        public var message: String {
            "\(literal) does not fit \(type.rawValue)" + (reason.map { " (\($0))" } ?? "")
        }
    }

    /// The literal `text`, or nil when it is not a number at all.
    public init?(_ text: String) {
        self.text = text
        var rest = Substring(text)
        let negative = rest.hasPrefix("-")
        if negative { rest = rest.dropFirst() }
        guard !rest.isEmpty else { return nil }
        if let integer = Self.integer(rest) {
            value = .integer(negative: negative, magnitude: integer.magnitude)
            return
        }
        guard Self.isFloatLiteral(rest), Double(text) != nil else { return nil }
        value = .float(text)
    }

    /// An integer's magnitude: nil when it needs more than 64 bits.
    private struct Integer {
        var magnitude: UInt64?
    }

    /// A decimal or hex integer with an optional binary suffix; nil when `text` is not one.
    private static func integer(_ text: Substring) -> Integer? {
        var digits = text
        var multiplier: UInt64 = 1
        switch digits.last {
        case "k", "K": multiplier = 1 << 10
        case "m", "M": multiplier = 1 << 20
        case "g", "G": multiplier = 1 << 30
        default: break
        }
        if multiplier != 1 { digits = digits.dropLast() }
        var radix: UInt64 = 10
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            radix = 16
            digits = digits.dropFirst(2)
        }
        guard !digits.isEmpty else { return nil }
        var value: UInt64? = 0
        for scalar in digits.unicodeScalars {
            guard scalar.isASCII, let digit = hexDigitValue(UInt8(scalar.value)), UInt64(digit) < radix else {
                return nil
            }
            if let current = value {
                let (shifted, overflowA) = current.multipliedReportingOverflow(by: radix)
                let (sum, overflowB) = shifted.addingReportingOverflow(UInt64(digit))
                value = overflowA || overflowB ? nil : sum
            }
        }
        if let current = value {
            let (scaled, overflow) = current.multipliedReportingOverflow(by: multiplier)
            value = overflow ? nil : scaled
        }
        return Integer(magnitude: value)
    }

    /// `1.5`, `.5`, `2e10`, `1.5E-3`, `inf`, `infinity`, `nan` (the sign already taken off).
    private static func isFloatLiteral(_ text: Substring) -> Bool {
        if ["inf", "infinity", "nan"].contains(text.lowercased()) { return true }
        var sawDigit = false
        var sawDot = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isASCII, character.isNumber {
                sawDigit = true
            } else if character == "." && !sawDot {
                sawDot = true
            } else {
                break
            }
            index = text.index(after: index)
        }
        guard sawDigit else { return false }
        guard index < text.endIndex else { return true }
        guard text[index] == "e" || text[index] == "E" else { return false }
        var exponent = text[text.index(after: index)...]
        if exponent.hasPrefix("+") || exponent.hasPrefix("-") { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
