import Foundation
import TestSupport
import Testing

@testable import HexEditor

/// The search against a naive reference scan, on seeded random data and random patterns:
/// wildcards, nibbles, ignored case, overlapping matches, matches at both ends and across
/// the search's window boundaries, forward, backward, from/to, count.
@Suite struct SearchDifferentialTests {
    /// Data over a small alphabet (so patterns match often), a little over one window (the
    /// boundaries themselves are the next test's).
    static let data: [UInt8] = {
        var generator = SplitMix64(seed: 13)
        let alphabet: [UInt8] = [0x00, 0x41, 0x61, 0x42, 0x4A, 0xFF]
        return (0..<(Document.searchWindow + 65_537)).map { _ in
            alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
        }
    }()

    static func reference(_ pattern: BytePattern, in data: [UInt8], _ range: Range<Int>) -> [Int] {
        guard range.count >= pattern.count else { return [] }
        var found: [Int] = []
        data.withUnsafeBufferPointer { bytes in
            var start = range.lowerBound
            while start <= range.upperBound - pattern.count {
                var index = 0
                while index < pattern.count, bytes[start + index] & pattern.masks[index] == pattern.values[index] {
                    index += 1
                }
                if index == pattern.count { found.append(start) }
                start += 1
            }
        }
        return found
    }

    static func randomPattern(_ generator: inout SplitMix64) -> BytePattern {
        let length = Int.random(in: 1...5, using: &generator)
        var values: [UInt8] = []
        var masks: [UInt8] = []
        for _ in 0..<length {
            let value = [0x00, 0x41, 0x61, 0x42, 0x4A, 0xFF][Int.random(in: 0..<6, using: &generator)] as UInt8
            let mask = [0xFF, 0xFF, 0xFF, 0x00, 0xF0, 0x0F, 0xDF][Int.random(in: 0..<7, using: &generator)] as UInt8
            values.append(value)
            masks.append(mask)
        }
        return BytePattern(values: values, masks: masks)
    }

    @Test func randomPatternsFindWhatAReferenceScanFinds() throws {
        let file = TemporaryFile(Self.data)
        let document = try Document(path: file.path, readOnly: true)
        var generator = SplitMix64(seed: 99)
        let size = Self.data.count
        for round in 0..<24 {
            let pattern = Self.randomPattern(&generator)
            let from = round % 4 == 0 ? 0 : Int.random(in: 0...size, using: &generator)
            let to = round % 3 == 0 ? size : Int.random(in: from...size, using: &generator)
            let expected = Self.reference(pattern, in: Self.data, from..<to)
            var all: [Int] = []
            try document.forEachMatch(of: pattern, in: from..<to) { (match) throws(EditorError) -> Bool in
                all.append(match)
                return true
            }
            #expect(all == expected, "round \(round): \(pattern.text) in \(from)..<\(to)")
            #expect(try document.countMatches(of: pattern, in: from..<to) == expected.count)
            #expect(try document.firstMatch(of: pattern, in: from..<to) == expected.first)
            #expect(try document.lastMatch(of: pattern, in: from..<to) == expected.last)
        }
    }

    @Test func matchesAtBothEndsAndAcrossWindowBoundaries() throws {
        var data = [UInt8](repeating: 0x11, count: 2 * Document.searchWindow + 10)
        let needle: [UInt8] = [0xDE, 0xAD, 0xBE, 0xEF]
        let places = [0, Document.searchWindow - 2, 2 * Document.searchWindow - 1, data.count - 4]
        for place in places { data.replaceSubrange(place..<(place + 4), with: needle) }
        let file = TemporaryFile(data)
        let document = try Document(path: file.path, readOnly: true)
        for pattern in [
            BytePattern(needle), BytePattern(values: [0xDE, 0, 0xBE, 0xE0], masks: [0xFF, 0, 0xFF, 0xF0]),
        ] {
            var found: [Int] = []
            try document.forEachMatch(of: pattern, in: 0..<data.count) { (match) throws(EditorError) -> Bool in
                found.append(match)
                return true
            }
            #expect(found == places)
            #expect(try document.lastMatch(of: pattern, in: 0..<data.count) == places.last)
            #expect(
                try document.lastMatch(of: pattern, in: 0..<(places[2] + 3)) == places[1], "wholly inside the range")
        }
    }

    @Test func overlappingMatchesAllCount() throws {
        let file = TemporaryFile([UInt8](repeating: 0x61, count: 10))
        let document = try Document(path: file.path, readOnly: true)
        #expect(try document.countMatches(of: BytePattern(Array("aaa".utf8)), in: 0..<10) == 8)
        #expect(try document.countMatches(of: BytePattern(values: [0, 0], masks: [0, 0]), in: 0..<10) == 9)
    }
}
