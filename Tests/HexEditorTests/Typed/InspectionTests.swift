import TestSupport
import Testing

@testable import HexEditor

/// `inspect` against values worked out by hand from the bytes, in both byte orders.
@Suite struct InspectionTests {
    @Test func namesAndOrderAreDesignsList() throws {
        let file = TemporaryFile([0x41], name: "order")
        let names = try runTyped("inspect 0", on: file).map { String($0.prefix { $0 != ":" }) }
        #expect(
            names == [
                "binary", "u8", "i8", "u16le", "u16be", "i16le", "i16be", "u32le", "u32be", "i32le", "i32be",
                "u64le", "u64be", "i64le", "i64be", "f32le", "f32be", "f64le", "f64be", "utf8", "uleb128",
                "sleb128", "unix32le", "unix64le",
            ])
    }

    @Test func unsignedIntegersInBothByteOrders() throws {
        // 01 02 03 04 05 06 07 08: little-endian reads 0x0201, 0x04030201, 0x0807060504030201.
        let values = try inspected([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08])
        #expect(values["binary"] == "00000001")
        #expect(values["u8"] == "1")
        #expect(values["u16le"] == "513")
        #expect(values["u16be"] == "258")
        #expect(values["u32le"] == "67305985")
        #expect(values["u32be"] == "16909060")
        #expect(values["u64le"] == "578437695752307201")
        #expect(values["u64be"] == "72623859790382856")
    }

    @Test func signedIntegersInBothByteOrders() throws {
        // ff fe fd fc fb fa f9 f8: 0xfeff = -257, 0xfffe = -2, 0xfcfdfeff = -50462977 ...
        let values = try inspected([0xFF, 0xFE, 0xFD, 0xFC, 0xFB, 0xFA, 0xF9, 0xF8])
        #expect(values["binary"] == "11111111")
        #expect(values["u8"] == "255")
        #expect(values["i8"] == "-1")
        #expect(values["i16le"] == "-257")
        #expect(values["i16be"] == "-2")
        #expect(values["i32le"] == "-50462977")
        #expect(values["i32be"] == "-66052")
        #expect(values["i64le"] == "-506097522914230529")
        #expect(values["i64be"] == "-283686952306184")
    }

    @Test func extremes() throws {
        let allOnes = try inspected([UInt8](repeating: 0xFF, count: 8))
        #expect(allOnes["u64le"] == "18446744073709551615")
        #expect(allOnes["u64be"] == "18446744073709551615")
        #expect(allOnes["i64le"] == "-1")
        let minimumBigEndian = try inspected([0x80, 0, 0, 0, 0, 0, 0, 0])
        #expect(minimumBigEndian["i64be"] == "-9223372036854775808")
        #expect(minimumBigEndian["u64be"] == "9223372036854775808")
        #expect(minimumBigEndian["i64le"] == "128")
        let minimumLittleEndian = try inspected([0, 0, 0, 0, 0, 0, 0, 0x80])
        #expect(minimumLittleEndian["i64le"] == "-9223372036854775808")
        #expect(minimumLittleEndian["i32le"] == "0")
    }

    @Test func floats() throws {
        // 1.5 is 0x3fc00000 (f32) and 0x3ff8000000000000 (f64).
        #expect(try inspected([0x00, 0x00, 0xC0, 0x3F])["f32le"] == "1.5")
        #expect(try inspected([0x3F, 0xC0, 0x00, 0x00])["f32be"] == "1.5")
        #expect(try inspected([0, 0, 0, 0, 0, 0, 0xF8, 0x3F])["f64le"] == "1.5")
        #expect(try inspected([0x3F, 0xF8, 0, 0, 0, 0, 0, 0])["f64be"] == "1.5")
        // The sign bit alone is -0.0; an all-ones exponent is an infinity or a NaN.
        let negativeZero = try inspected([0x80, 0, 0, 0, 0, 0, 0, 0])
        #expect(negativeZero["f32be"] == "-0.0")
        #expect(negativeZero["f64be"] == "-0.0")
        #expect(negativeZero["f32le"] == "1.8e-43", "read the other way it is the subnormal 2^-142")
        #expect(try inspected([0x7F, 0x80, 0x00, 0x00])["f32be"] == "inf")
        #expect(try inspected([0x00, 0x00, 0x80, 0xFF])["f32le"] == "-inf")
        #expect(try inspected([0x7F, 0xC0, 0x00, 0x00])["f32be"] == "nan")
        #expect(try inspected([0, 0, 0, 0, 0, 0, 0xF0, 0x7F])["f64le"] == "inf")
        #expect(try inspected([0xFF, 0xF0, 0, 0, 0, 0, 0, 0])["f64be"] == "-inf")
        #expect(try inspected([0x7F, 0xF8, 0, 0, 0, 0, 0, 1])["f64be"] == "nan")
        // The smallest subnormal double, 0x0000000000000001.
        #expect(try inspected([1, 0, 0, 0, 0, 0, 0, 0])["f64le"] == "5e-324")
    }

    @Test func utf8() throws {
        #expect(try inspected([0x41])["utf8"] == "U+0041 'A'")
        #expect(try inspected([0xC3, 0xA9])["utf8"] == "U+00E9 'é'")
        #expect(try inspected([0xE2, 0x82, 0xAC])["utf8"] == "U+20AC '€'")
        #expect(try inspected([0xF0, 0x9F, 0x98, 0x80])["utf8"] == "U+1F600 '😀'")
        // Not printable: no character.
        #expect(try inspected([0x07])["utf8"] == "U+0007")
        #expect(try inspected([0xC2, 0xA0])["utf8"] == "U+00A0")
        #expect(try inspected([0xE2, 0x80, 0xAE])["utf8"] == "U+202E", "a bidi override never reaches the terminal")
        // Invalid sequences.
        #expect(try inspected([0xFF])["utf8"] == "invalid")
        #expect(try inspected([0x80])["utf8"] == "invalid", "a lone continuation byte")
        #expect(try inspected([0xC3, 0x28])["utf8"] == "invalid", "a lead without its continuation")
        #expect(try inspected([0xC0, 0x80])["utf8"] == "invalid", "overlong NUL")
        #expect(try inspected([0xE0, 0x80, 0xAF])["utf8"] == "invalid", "overlong three-byte form")
        #expect(try inspected([0xED, 0xA0, 0x80])["utf8"] == "invalid", "a surrogate")
        #expect(try inspected([0xF4, 0x90, 0x80, 0x80])["utf8"] == "invalid", "past U+10FFFF")
        // Cut off by the end of the file: it would run past the end.
        #expect(try inspected([0xC3])["utf8"] == "-")
        #expect(try inspected([0x00, 0xE2, 0x82], at: 1)["utf8"] == "-")
        #expect(try inspected([0xE2, 0x28])["utf8"] == "invalid", "bad before the end is invalid, not -")
    }

    @Test func leb128() throws {
        // The classic examples: 624485 is e5 8e 26, -123456 is c0 bb 78.
        #expect(try inspected([0xE5, 0x8E, 0x26])["uleb128"] == "624485")
        #expect(try inspected([0xC0, 0xBB, 0x78])["sleb128"] == "-123456")
        #expect(try inspected([0x7F])["sleb128"] == "-1")
        #expect(try inspected([0x3F])["sleb128"] == "63")
        // The largest values take ten bytes.
        let maximum: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]
        #expect(try inspected(maximum)["uleb128"] == "18446744073709551615")
        let minimum: [UInt8] = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F]
        #expect(try inspected(minimum)["sleb128"] == "-9223372036854775808")
        // Padding within ten bytes is accepted; more is overlong.
        #expect(try inspected([0x80, 0x80, 0x00])["uleb128"] == "0")
        let overlong = [UInt8](repeating: 0x80, count: 10) + [0x00]
        #expect(try inspected(overlong)["uleb128"] == "invalid")
        #expect(try inspected(overlong)["sleb128"] == "invalid")
        // A tenth byte with bits past 64.
        #expect(try inspected(Array(maximum.dropLast()) + [0x02])["uleb128"] == "invalid")
        #expect(try inspected(Array(minimum.dropLast()) + [0x01])["sleb128"] == "invalid")
        // Truncated by the end of the file.
        #expect(try inspected([0x80, 0x80])["uleb128"] == "-")
        #expect(try inspected([0x80, 0x80])["sleb128"] == "-")
    }

    @Test func unixTimes() throws {
        #expect(try inspected([0, 0, 0, 0, 0, 0, 0, 0])["unix32le"] == "1970-01-01T00:00:00Z")
        #expect(try inspected([0xFF, 0xFF, 0xFF, 0x7F])["unix32le"] == "2038-01-19T03:14:07Z")
        #expect(try inspected([0xFF, 0xFF, 0xFF, 0xFF])["unix32le"] == "1969-12-31T23:59:59Z", "time_t is signed")
        // 951782400 is 2000-02-29 (a leap day in a century leap year).
        #expect(try inspected([0x00, 0x0C, 0xBB, 0x38])["unix32le"] == "2000-02-29T00:00:00Z")
        // The ends of a 64-bit time_t, as other libraries print them.
        #expect(
            try inspected([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])["unix64le"]
                == "+292277026596-12-04T15:30:07Z")
        #expect(
            try inspected([0, 0, 0, 0, 0, 0, 0, 0x80])["unix64le"] == "-292277022657-01-27T08:29:52Z")
    }

    @Test func valuesAtTheLastBytesOfTheFile() throws {
        let bytes: [UInt8] = [0x10, 0x20, 0x30, 0x40, 0x50]
        let three = try inspected(bytes, at: 2)
        #expect(three["u8"] == "48")
        #expect(three["u16be"] == "12352")
        #expect(three["u32le"] == "-")
        #expect(three["f32le"] == "-")
        #expect(three["u64le"] == "-")
        #expect(three["unix32le"] == "-")
        let last = try inspected(bytes, at: 4)
        #expect(last["u8"] == "80")
        #expect(last["u16le"] == "-")
        #expect(last["utf8"] == "U+0050 'P'")
        #expect(last["uleb128"] == "80")
        let atTheEnd = try inspected(bytes, at: 5)
        #expect(atTheEnd.values.allSatisfy { $0 == "-" }, "at the size every value is past the end")
        let file = TemporaryFile(bytes, name: "past")
        #expect(throws: EditorError.self) { try runTyped("inspect 6", on: file) }
        // Exactly four bytes left: u32 is there, u64 is not.
        let four = try inspected(bytes, at: 1)
        #expect(four["u32be"] == "540033104")
        #expect(four["i64le"] == "-")
    }

    @Test func jsonForm() throws {
        let file = TemporaryFile([0x00, 0x00, 0xC0, 0x7F], name: "json")
        let lines = try runTyped("inspect 0", on: file, json: true)
        #expect(lines.count == 1)
        let expected =
            #"{"offset":0,"binary":"00000000","u8":0,"i8":0,"u16le":0,"u16be":0,"i16le":0,"i16be":0,"#
            + #""u32le":2143289344,"u32be":49279,"i32le":2143289344,"i32be":49279,"u64le":null,"u64be":null,"#
            + #""i64le":null,"i64be":null,"f32le":"nan","f32be":6.9055e-41,"f64le":null,"f64be":null,"#
            + #""utf8":"U+0000","uleb128":0,"sleb128":0,"unix32le":"2037-12-01T14:09:04Z","unix64le":null}"#
        #expect(lines[0] == expected)
    }

    @Test func theCursorIsTheDefault() throws {
        let file = TemporaryFile([0x00, 0x2A], name: "cursor")
        #expect(try runTyped("inspect", on: file, cursor: 1)[1] == "u8: 42")
    }
}
