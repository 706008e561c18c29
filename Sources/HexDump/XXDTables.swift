/// Lookup tables that turn a byte into its printed form with one load.
///
/// They live in never-freed heap memory so the hot loops index raw pointers: no array bounds
/// checks, no retain/release, no copy-on-write checks per byte.
final class XXDTables: @unchecked Sendable {  // immutable after init
    /// Two hex digits per byte, first digit in the low byte (stored unaligned, little-endian).
    let hexPairs: UnsafeMutablePointer<UInt16>
    /// Four hex digits per pair of bytes, indexed by the pair read as a little-endian UInt16 (so the
    /// first byte's digits come first): one load per group of xxd's default layout.
    let hexQuads: UnsafeMutablePointer<UInt32>
    /// Eight `0`/`1` digits per byte, most significant bit first in the low byte.
    let bitOctets: UnsafeMutablePointer<UInt64>
    /// The text-column character for each byte: itself when printable ASCII, `.` otherwise.
    let text: UnsafeMutablePointer<UInt8>
    /// The sixteen digits, for offsets and single nibbles.
    let digits: UnsafeMutablePointer<UInt8>

    static let lowercaseASCII = XXDTables(uppercase: false, ebcdic: false)
    static let uppercaseASCII = XXDTables(uppercase: true, ebcdic: false)
    static let lowercaseEBCDIC = XXDTables(uppercase: false, ebcdic: true)
    static let uppercaseEBCDIC = XXDTables(uppercase: true, ebcdic: true)

    static func shared(uppercase: Bool, ebcdic: Bool) -> XXDTables {
        switch (uppercase, ebcdic) {
        case (false, false): lowercaseASCII
        case (true, false): uppercaseASCII
        case (false, true): lowercaseEBCDIC
        case (true, true): uppercaseEBCDIC
        }
    }

    private init(uppercase: Bool, ebcdic: Bool) {
        let digitText = uppercase ? Hex.uppercaseDigits : Hex.lowercaseDigits
        digits = .allocate(capacity: 16)
        digits.initialize(from: digitText, count: 16)
        hexPairs = .allocate(capacity: 256)
        bitOctets = .allocate(capacity: 256)
        text = .allocate(capacity: 256)
        hexQuads = .allocate(capacity: 1 << 16)
        for byte in 0..<256 {
            hexPairs[byte] = UInt16(digitText[byte >> 4]) | UInt16(digitText[byte & 0xf]) << 8
            var octet: UInt64 = 0
            for bit in 0..<8 where byte & (0x80 >> bit) != 0 {
                octet |= 1 << (8 * UInt64(bit))
            }
            bitOctets[byte] = octet | 0x3030_3030_3030_3030  // '0' in every lane, plus the set bits
            let shown = ebcdic ? Self.ebcdicToASCII(UInt8(byte)) : UInt8(byte)
            text[byte] = shown > 31 && shown < 127 ? shown : UInt8(ascii: ".")
        }
        for pair in 0..<(1 << 16) {
            hexQuads[pair] = UInt32(hexPairs[pair & 0xff]) | UInt32(hexPairs[pair >> 8]) << 16
        }
    }

    /// xxd's `-E` mapping: below 64 is not text; the rest follows the April 1979 BTL proposal xxd uses.
    private static func ebcdicToASCII(_ byte: UInt8) -> UInt8 {
        byte < 64 ? UInt8(ascii: ".") : ebcdicUpperTable[Int(byte) - 64]
    }

    /// Bytes 64...255 of the EBCDIC-to-ASCII table (octal, as the table is traditionally written).
    private static let ebcdicUpperTable: [UInt8] = [
        0o040, 0o240, 0o241, 0o242, 0o243, 0o244, 0o245, 0o246,
        0o247, 0o250, 0o325, 0o056, 0o074, 0o050, 0o053, 0o174,
        0o046, 0o251, 0o252, 0o253, 0o254, 0o255, 0o256, 0o257,
        0o260, 0o261, 0o041, 0o044, 0o052, 0o051, 0o073, 0o176,
        0o055, 0o057, 0o262, 0o263, 0o264, 0o265, 0o266, 0o267,
        0o270, 0o271, 0o313, 0o054, 0o045, 0o137, 0o076, 0o077,
        0o272, 0o273, 0o274, 0o275, 0o276, 0o277, 0o300, 0o301,
        0o302, 0o140, 0o072, 0o043, 0o100, 0o047, 0o075, 0o042,
        0o303, 0o141, 0o142, 0o143, 0o144, 0o145, 0o146, 0o147,
        0o150, 0o151, 0o304, 0o305, 0o306, 0o307, 0o310, 0o311,
        0o312, 0o152, 0o153, 0o154, 0o155, 0o156, 0o157, 0o160,
        0o161, 0o162, 0o136, 0o314, 0o315, 0o316, 0o317, 0o320,
        0o321, 0o345, 0o163, 0o164, 0o165, 0o166, 0o167, 0o170,
        0o171, 0o172, 0o322, 0o323, 0o324, 0o133, 0o326, 0o327,
        0o330, 0o331, 0o332, 0o333, 0o334, 0o335, 0o336, 0o337,
        0o340, 0o341, 0o342, 0o343, 0o344, 0o135, 0o346, 0o347,
        0o173, 0o101, 0o102, 0o103, 0o104, 0o105, 0o106, 0o107,
        0o110, 0o111, 0o350, 0o351, 0o352, 0o353, 0o354, 0o355,
        0o175, 0o112, 0o113, 0o114, 0o115, 0o116, 0o117, 0o120,
        0o121, 0o122, 0o356, 0o357, 0o360, 0o361, 0o362, 0o363,
        0o134, 0o237, 0o123, 0o124, 0o125, 0o126, 0o127, 0o130,
        0o131, 0o132, 0o364, 0o365, 0o366, 0o367, 0o370, 0o371,
        0o060, 0o061, 0o062, 0o063, 0o064, 0o065, 0o066, 0o067,
        0o070, 0o071, 0o372, 0o373, 0o374, 0o375, 0o376, 0o377,
    ]
}
