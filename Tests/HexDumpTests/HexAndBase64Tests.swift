import HexDump
import Testing

@Suite struct HexAndBase64Tests {
    @Test func bytesBecomeLowercasePairs() {
        #expect(Hex.pair(0x0a) == "0a")
        #expect(Hex.pair(0xff) == "ff")
        #expect(Hex.string([0x4d, 0x5a, 0x90, 0x00]) == "4d5a9000")
        #expect(Hex.string([]) == "")
        #expect(Hex.digit(0xb, uppercase: true) == UInt8(ascii: "B"))
    }

    @Test func numbersArePaddedToTheirWidth() {
        #expect(Hex.number(0) == "0")
        #expect(Hex.number(0x1f, width: 8) == "0000001f")
        #expect(Hex.number(0x1_2345_6789, width: 4) == "123456789")
        #expect(Hex.number(-255, width: 4) == "-00ff")
        #expect(Hex.number(UInt64.max) == "ffffffffffffffff")
        #expect(Hex.number(Int.min) == "-8000000000000000")
    }

    /// RFC 4648's test vectors, section 10.
    @Test(arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ])
    func base64MatchesTheRFC(input: String, encoded: String) {
        #expect(String(decoding: Base64.encode(Array(input.utf8)), as: UTF8.self) == encoded)
    }

    @Test func base64CarriesEveryByteValue() {
        let encoded = String(decoding: Base64.encode([0x00, 0xff, 0xfe, 0x80]), as: UTF8.self)
        #expect(encoded == "AP/+gA==")
    }
}
