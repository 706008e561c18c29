import Testing

@testable import HexEditor

/// The pattern grammar of `find`, `/` and `?`: bytes, `??`, nibble wildcards, strings, and
/// strings matched ignoring ASCII case, mixed, spaces optional.
struct PatternGrammarTests {
    func pattern(_ text: String) throws -> BytePattern? {
        try CommandParser.parse(line: "find " + text)?.pattern("PATTERN")
    }

    func failure(_ text: String) -> String? {
        do {
            _ = try CommandParser.parse(line: "find " + text)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func everyItemKind() throws {
        let parsed = try #require(try pattern(#""PK" 03 04 ?? 4? ?d i"aB1""#))
        #expect(parsed.values == [0x50, 0x4B, 0x03, 0x04, 0x00, 0x40, 0x0D, 0x41, 0x42, 0x31])
        #expect(parsed.masks == [0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0xF0, 0x0F, 0xDF, 0xDF, 0xFF])
        #expect(parsed.hexDescription == "504b0304??4??d?1?231", "a letter of i\"…\" shows its fixed low nibble")
        #expect(try pattern("4d5a??") == pattern("4d 5a ??"), "spaces between items are optional")
        #expect(try pattern(#"i"x" from 3"#)?.count == 1)
    }

    @Test func textRoundTrips() throws {
        for text in [#"50 4b ?? 4? ?d i"AB" 31"#, "00", #"i"ZZ""#] {
            let parsed = try #require(try pattern(text))
            #expect(try pattern(parsed.text) == parsed, "\(text) -> \(parsed.text)")
        }
    }

    @Test func malformedPatternsSayWhat() {
        #expect(failure("4")?.contains("odd number of nibbles in '4'") == true)
        #expect(failure("???")?.contains("odd number of nibbles") == true)
        #expect(failure("zz")?.contains("bad hex digit 'z'") == true)
        #expect(failure("")?.hasPrefix("find: missing PATTERN") == true)
        #expect(failure(#""abc"#) == "unterminated string (no closing \")")
        #expect(failure("00 all count")?.contains("cannot go together") == true)
    }

    @Test func caseIsIgnoredForLettersOnly() {
        let document = BytePattern(values: [0x41], masks: [0xDF])
        let matching: [UInt8] = [0x41, 0x61]
        for byte in UInt8.min...UInt8.max {
            let buffer = [byte]
            let found = buffer.withUnsafeBytes { document.firstMatch(in: $0) } != nil
            #expect(found == matching.contains(byte), "byte \(byte)")
        }
    }
}
