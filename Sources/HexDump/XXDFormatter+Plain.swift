// `-p` (continuous hex) and `-i` (C include) output.

extension XXDFormatter {
    mutating func formatPlain(_ bytes: UnsafePointer<UInt8>, count: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let raw = UnsafeMutableRawPointer(out)
        let pairs = tables.hexPairs
        var written = 0
        if columns == 0 {
            for index in 0..<count {
                raw.storeBytes(of: pairs[Int(bytes[index])], toByteOffset: written, as: UInt16.self)
                written += 2
            }
            return written
        }
        var remaining = plainRemaining
        for index in 0..<count {
            raw.storeBytes(of: pairs[Int(bytes[index])], toByteOffset: written, as: UInt16.self)
            written += 2
            remaining -= 1
            if remaining == 0 {
                out[written] = UInt8(ascii: "\n")
                written += 1
                remaining = columns
            }
        }
        plainRemaining = remaining
        return written
    }

    mutating func formatCInclude(
        _ bytes: UnsafePointer<UInt8>, count: Int, into out: UnsafeMutablePointer<UInt8>
    ) -> Int {
        let raw = UnsafeMutableRawPointer(out)
        let pairs = tables.hexPairs
        let prefix: UInt16 = options.uppercase ? 0x5830 : 0x7830  // "0X" / "0x", little-endian
        var position = byteCount
        var written = 0
        for index in 0..<count {
            if position == 0 {
                raw.storeBytes(of: 0x2020 as UInt16, toByteOffset: written, as: UInt16.self)  // "  "
                written += 2
            } else if position % columns == 0 {
                raw.storeBytes(of: 0x2020_0A2C as UInt32, toByteOffset: written, as: UInt32.self)  // ",\n  "
                written += 4
            } else {
                raw.storeBytes(of: 0x202C as UInt16, toByteOffset: written, as: UInt16.self)  // ", "
                written += 2
            }
            raw.storeBytes(of: prefix, toByteOffset: written, as: UInt16.self)
            raw.storeBytes(of: pairs[Int(bytes[index])], toByteOffset: written + 2, as: UInt16.self)
            written += 4
            position += 1
        }
        return written
    }

    mutating func finishCInclude(into out: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        if byteCount > 0 {
            out[0] = UInt8(ascii: "\n")
            written = 1
        }
        guard let name = cIncludeName else { return written }
        // xxd keeps the count in a C int and prints it with %d.
        let length = Int32(truncatingIfNeeded: byteCount)
        let footer =
            Array("};\nunsigned int ".utf8) + name
            + Array("_\(options.capitalizeNames ? "LEN" : "len") = \(length);\n".utf8)
        return written + Self.copy(footer, to: out + written)
    }

    /// xxd's spelling of a C name: `__` before a leading digit, every byte that is not an ASCII
    /// letter or digit becomes `_`, letters upper-cased with `-C`.
    static func cIdentifier(_ bytes: [UInt8], capitalized: Bool) -> [UInt8] {
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let isLetter = { (byte: UInt8) in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        }
        var spelled: [UInt8] = []
        if let first = bytes.first, isDigit(first) {
            spelled.append(contentsOf: "__".utf8)
        }
        for byte in bytes {
            if isDigit(byte) {
                spelled.append(byte)
            } else if isLetter(byte) {
                let isLower = byte >= UInt8(ascii: "a")
                spelled.append(capitalized && isLower ? byte - 32 : byte)
            } else {
                spelled.append(UInt8(ascii: "_"))
            }
        }
        return spelled
    }
}
