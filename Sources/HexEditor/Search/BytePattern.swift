import HexDump

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
    /// Which bytes the search looks for first (worked out once: it runs per match).
    let anchor: (index: Int, exact: Bool)?
    let partner: Int?

    /// A pattern of exact bytes.
    public init(_ bytes: [UInt8]) {
        self.init(values: bytes, masks: [UInt8](repeating: 0xFF, count: bytes.count))
    }

    /// A pattern of (value, mask) pairs; value bits outside the mask are ignored.
    public init(values: [UInt8], masks: [UInt8]) {
        precondition(values.count == masks.count)
        self.masks = masks
        self.values = zip(values, masks).map { $0 & $1 }
        anchor = Self.anchor(values: self.values, masks: masks)
        partner = Self.partner(of: anchor?.index, masks: masks)
    }

    public static func == (lhs: BytePattern, rhs: BytePattern) -> Bool {
        lhs.values == rhs.values && lhs.masks == rhs.masks
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    /// Every byte is fixed: the search can use memmem.
    public var isExact: Bool { masks.allSatisfy { $0 == 0xFF } }

    /// Whether a run of zeros matches it (then holes in a file are full of matches).
    public var matchesZeros: Bool { values.allSatisfy { $0 == 0 } }

    /// The pattern as hex, with `?` for each wildcard nibble (`4d5a????`): how `--json` names it.
    public var hexDescription: String {
        zip(values, masks).map(Self.hexPair).joined()
    }

    // MARK: - Matching in a buffer

    /// How the search finds candidates: the position of the byte it looks for, and whether
    /// that byte is exact (memchr) or masked (a SIMD compare). Nil: every byte is `??`.
    private static func anchor(values: [UInt8], masks: [UInt8]) -> (index: Int, exact: Bool)? {
        if let exact = masks.indices.filter({ masks[$0] == 0xFF }).min(by: {
            commonness(values[$0]) < commonness(values[$1])
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

    /// A second position to check before a full compare: the most constrained other byte,
    /// preferring one far from the anchor (neighbours in text are not independent).
    private static func partner(of anchor: Int?, masks: [UInt8]) -> Int? {
        guard let anchor else { return nil }
        let others = masks.indices.filter { $0 != anchor && masks[$0] != 0 }
        return others.max { a, b in
            (masks[a].nonzeroBitCount, abs(a - anchor)) < (masks[b].nonzeroBitCount, abs(b - anchor))
        }
    }

    /// The first start at or after `from` where the pattern matches wholly inside `buffer`.
    ///
    /// Candidates come from memchr on the anchor byte while it is rare in the data; when it
    /// turns out common (text: spaces, vowels), from a SIMD filter that checks the anchor and
    /// a partner byte for 16 starts at once, so a frequent byte costs no call per hit.
    func firstMatch(in buffer: UnsafeRawBufferPointer, from: Int = 0) -> Int? {
        let n = count
        guard n > 0, buffer.count >= n, from <= buffer.count - n, let base = buffer.baseAddress else { return nil }
        let lastStart = buffer.count - n
        guard let (anchor, exact) = anchor else { return from }  // all wildcards: every start matches
        var start = from
        if exact {
            var hits = 0
            let value = Int32(values[anchor])
            while start <= lastStart {
                // The anchor byte of a match starting at s is at s + anchor.
                guard let found = memchr(base + start + anchor, value, lastStart - start + 1) else { return nil }
                let candidate = base.distance(to: UnsafeRawPointer(found)) - anchor
                if matches(buffer, at: candidate) { return candidate }
                start = candidate + 1
                hits += 1
                // One hit in under 64 bytes: memchr's call per hit costs more than it saves.
                if hits > 16 && hits * 64 > start - from { break }
            }
        }
        return filteredMatch(buffer, from: start, lastStart: lastStart, anchor: anchor)
    }

    /// The first match at or after `from`, finding candidates 16 starts at a time: the
    /// anchor byte and the partner byte, masked, compared in SIMD lanes.
    private func filteredMatch(_ buffer: UnsafeRawBufferPointer, from: Int, lastStart: Int, anchor: Int) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        let second = partner ?? anchor
        let (firstValue, firstMask) = (
            SIMD16<UInt8>(repeating: values[anchor]), SIMD16<UInt8>(repeating: masks[anchor])
        )
        let (secondValue, secondMask) = (
            SIMD16<UInt8>(repeating: values[second]), SIMD16<UInt8>(repeating: masks[second])
        )
        let farthest = max(anchor, second)
        var start = from
        while start + farthest + 16 <= buffer.count && start + 15 <= lastStart {
            let first = base.loadUnaligned(fromByteOffset: start + anchor, as: SIMD16<UInt8>.self)
            let other = base.loadUnaligned(fromByteOffset: start + second, as: SIMD16<UInt8>.self)
            let candidates = ((first & firstMask) .== firstValue) .& ((other & secondMask) .== secondValue)
            if any(candidates) {
                for lane in 0..<16 where candidates[lane] && matches(buffer, at: start + lane) {
                    return start + lane
                }
            }
            start += 16
        }
        while start <= lastStart {
            if matches(buffer, at: start) { return start }
            start += 1
        }
        return nil
    }

    /// Calls `found` with each start in `buffer` where the pattern matches wholly inside it,
    /// in ascending order, until it returns false.
    func forEachMatch(in buffer: UnsafeRawBufferPointer, _ found: (Int) throws(EditorError) -> Bool) throws(EditorError)
    {
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
            items.append(Self.hexPair(value, mask))
        }
        flushLetters()
        return items.joined(separator: " ")
    }

    /// One byte's two digits, `?` for each nibble the mask leaves free.
    private static func hexPair(_ value: UInt8, _ mask: UInt8) -> String {
        let high = mask & 0xF0 == 0xF0 ? Hex.digit(value >> 4) : UInt8(ascii: "?")
        let low = mask & 0x0F == 0x0F ? Hex.digit(value) : UInt8(ascii: "?")
        return String(decoding: [high, low], as: UTF8.self)
    }
}
