#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a search looks for: a run of bytes where some bits may be anything.
///
/// Each position has a value and a mask; a byte `b` matches when `b & mask == value`. A plain
/// byte has mask `ff`, `??` has mask `00`, `4?` has mask `f0`, and a letter matched ignoring
/// ASCII case has mask `df` (bit 5 is the only difference between `A` and `a`).
public struct BytePattern: Equatable, Sendable {
    public let values: [UInt8]
    public let masks: [UInt8]

    /// A pattern of exact bytes.
    public init(_ bytes: [UInt8]) {
        values = bytes
        masks = [UInt8](repeating: 0xFF, count: bytes.count)
    }

    /// A pattern of (value, mask) pairs; value bits outside the mask are ignored.
    public init(values: [UInt8], masks: [UInt8]) {
        precondition(values.count == masks.count)
        self.masks = masks
        self.values = zip(values, masks).map { $0 & $1 }
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    /// Every byte is fixed: the search can use memmem.
    public var isExact: Bool { masks.allSatisfy { $0 == 0xFF } }

    /// Whether a run of zeros matches it (then holes in a file are full of matches).
    public var matchesZeros: Bool { values.allSatisfy { $0 == 0 } }

    /// The pattern as hex, with `?` for each wildcard nibble (`4d5a????`): how `--json` names it.
    public var hexDescription: String {
        let digits = Array("0123456789abcdef")
        var text = ""
        for (value, mask) in zip(values, masks) {
            text.append(mask & 0xF0 == 0xF0 ? digits[Int(value >> 4)] : "?")
            text.append(mask & 0x0F == 0x0F ? digits[Int(value & 0xF)] : "?")
        }
        return text
    }

    // MARK: - Matching in a buffer

    /// How the search finds candidates: the position of the byte it looks for, and whether
    /// that byte is exact (memchr) or masked (a SIMD compare). Nil: every byte is `??`.
    var anchor: (index: Int, exact: Bool)? {
        if let exact = masks.indices.filter({ masks[$0] == 0xFF }).min(by: {
            Self.commonness(values[$0]) < Self.commonness(values[$1])
        }) {
            return (exact, true)
        }
        let masked = masks.indices.filter { masks[$0] != 0 }
        guard let best = masked.max(by: { masks[$0].nonzeroBitCount < masks[$1].nonzeroBitCount }) else { return nil }
        return (best, false)
    }

    /// How often a byte turns up in typical files: zeros and spaces often, high bytes rarely.
    private static func commonness(_ byte: UInt8) -> Int {
        switch byte {
        case 0x00: 100
        case 0x20, 0xFF: 90
        case UInt8(ascii: "e"), UInt8(ascii: "t"), UInt8(ascii: "a"), UInt8(ascii: "o"): 60
        case 0x61...0x7A: 50
        case 0x30...0x39, 0x01...0x1F: 40
        case 0x21...0x7E: 30
        default: 10
        }
    }

    /// Whether the pattern matches at `start` in `buffer` (the caller checks it fits).
    @inline(__always)
    func matches(_ buffer: UnsafeRawBufferPointer, at start: Int) -> Bool {
        for index in 0..<values.count where buffer[start + index] & masks[index] != values[index] {
            return false
        }
        return true
    }

    /// The first start at or after `from` where the pattern matches wholly inside `buffer`.
    func firstMatch(in buffer: UnsafeRawBufferPointer, from: Int = 0) -> Int? {
        let n = count
        guard n > 0, buffer.count >= n, from <= buffer.count - n, let base = buffer.baseAddress else { return nil }
        let lastStart = buffer.count - n
        guard let (anchor, exact) = anchor else { return from }  // all wildcards: every start matches
        // The anchor byte of a match starting at s is at s + anchor.
        var position = from + anchor
        let end = lastStart + anchor + 1
        let value = values[anchor]
        let mask = masks[anchor]
        while position < end {
            let hit: Int
            if exact {
                guard let found = memchr(base + position, Int32(value), end - position) else { return nil }
                hit = base.distance(to: UnsafeRawPointer(found))
            } else {
                guard let found = Self.maskedSearch(base, from: position, to: end, value: value, mask: mask) else { return nil }
                hit = found
            }
            if matches(buffer, at: hit - anchor) { return hit - anchor }
            position = hit + 1
        }
        return nil
    }

    /// The first position in `from..<end` whose byte, masked, is `value`: 16 bytes a step.
    private static func maskedSearch(
        _ base: UnsafeRawPointer, from: Int, to end: Int, value: UInt8, mask: UInt8
    ) -> Int? {
        var position = from
        let masks = SIMD16<UInt8>(repeating: mask)
        let values = SIMD16<UInt8>(repeating: value)
        while position + 16 <= end {
            let block = base.loadUnaligned(fromByteOffset: position, as: SIMD16<UInt8>.self)
            let equal = (block & masks) .== values
            if any(equal) {
                for lane in 0..<16 where equal[lane] { return position + lane }
            }
            position += 16
        }
        while position < end {
            if base.load(fromByteOffset: position, as: UInt8.self) & mask == value { return position }
            position += 1
        }
        return nil
    }

    /// Calls `found` with each start in `buffer` where the pattern matches wholly inside it,
    /// in ascending order, until it returns false.
    func forEachMatch(in buffer: UnsafeRawBufferPointer, _ found: (Int) throws(EditorError) -> Bool) throws(EditorError) {
        var from = 0
        while let match = firstMatch(in: buffer, from: from) {
            guard try found(match) else { return }
            from = match + 1
        }
    }

    /// How many starts in `buffer` match (overlapping matches count).
    func countMatches(in buffer: UnsafeRawBufferPointer) -> Int {
        guard anchor != nil else { return max(0, buffer.count - count + 1) }
        var total = 0
        var from = 0
        while let match = firstMatch(in: buffer, from: from) {
            total += 1
            from = match + 1
        }
        return total
    }

    /// The last start in `buffer` where the pattern matches wholly inside it.
    func lastMatch(in buffer: UnsafeRawBufferPointer) -> Int? {
        let n = count
        guard n > 0, buffer.count >= n else { return nil }
        var start = buffer.count - n
        guard let (anchor, _) = anchor else { return start }
        let value = values[anchor]
        let mask = masks[anchor]
        while start >= 0 {
            if buffer[start + anchor] & mask == value, matches(buffer, at: start) { return start }
            start -= 1
        }
        return nil
    }
}

extension BytePattern {
    /// The pattern as the command language writes it: hex pairs, `??`, `4?`, and `i"…"` for
    /// runs of letters matched ignoring case. Parsing it gives the same pattern.
    public var text: String {
        let digits = Array("0123456789abcdef")
        var items: [String] = []
        var letters = ""
        func flushLetters() {
            if !letters.isEmpty { items.append("i\"\(letters)\"") }
            letters = ""
        }
        for (value, mask) in zip(values, masks) {
            if mask == 0xDF, (0x41...0x5A).contains(value) {
                letters.append(Character(UnicodeScalar(value)))
                continue
            }
            flushLetters()
            let high = mask & 0xF0 == 0xF0 ? String(digits[Int(value >> 4)]) : "?"
            let low = mask & 0x0F == 0x0F ? String(digits[Int(value & 0xF)]) : "?"
            items.append(high + low)
        }
        flushLetters()
        return items.joined(separator: " ")
    }
}
