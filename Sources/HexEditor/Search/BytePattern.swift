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

    /// The position whose byte best narrows the search: a fixed byte, the rarest in typical
    /// data (zeros and spaces are common, high bytes rare); nil when no byte is fixed.
    var anchor: Int? {
        masks.indices.filter { masks[$0] == 0xFF }.min { Self.commonness(values[$0]) < Self.commonness(values[$1]) }
    }

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

    /// Calls `found` with each start in `buffer` where the pattern matches wholly inside it,
    /// in ascending order, until it returns false.
    func forEachMatch(in buffer: UnsafeRawBufferPointer, _ found: (Int) throws(EditorError) -> Bool) throws(EditorError) {
        let n = count
        guard n > 0, buffer.count >= n, let base = buffer.baseAddress else { return }
        let lastStart = buffer.count - n
        guard let anchor else {
            // No fixed byte: look at every start.
            for start in 0...lastStart where matches(buffer, at: start) {
                guard try found(start) else { return }
            }
            return
        }
        // memchr finds the anchor byte; a match starts `anchor` bytes before it.
        var searchFrom = anchor
        let value = Int32(values[anchor])
        let searchEnd = lastStart + anchor + 1  // one past the last place the anchor can be
        while searchFrom < searchEnd {
            guard let hit = memchr(base + searchFrom, value, searchEnd - searchFrom) else { return }
            let position = base.distance(to: UnsafeRawPointer(hit))
            let start = position - anchor
            if start >= 0, start <= lastStart, matches(buffer, at: start) {
                guard try found(start) else { return }
            }
            searchFrom = position + 1
        }
    }

    /// The last start in `buffer` where the pattern matches wholly inside it.
    func lastMatch(in buffer: UnsafeRawBufferPointer) -> Int? {
        let n = count
        guard n > 0, buffer.count >= n else { return nil }
        var start = buffer.count - n
        let anchor = self.anchor
        while start >= 0 {
            if let anchor, buffer[start + anchor] != values[anchor] {
                start -= 1
                continue
            }
            if matches(buffer, at: start) { return start }
            start -= 1
        }
        return nil
    }
}
