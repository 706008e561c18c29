/// LEB128 (DWARF, WebAssembly, Android's DEX): seven bits a byte, low bits first, the top bit
/// set on every byte but the last.
///
/// A 64-bit value takes at most ten bytes. Padding within those ten (`80 00` for 0) is
/// accepted, as DWARF readers do; a sequence that goes on past ten bytes, or whose tenth byte
/// holds bits a 64-bit value has no room for, is `invalid`. A sequence cut off by the end of the
/// file is `-`, like every value that would run past the end.
enum LEB128 {
    static let maximumLength = 10

    /// `bytes` run from the value's first byte; when fewer than `maximumLength`, the file ends there.
    static func unsigned(_ bytes: ArraySlice<UInt8>) -> TypedValue {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        for (index, byte) in zip(0..<maximumLength, bytes) {
            let low = UInt64(byte & 0x7F)
            if index == maximumLength - 1 && low > 1 { return .invalid }
            result |= low << shift
            if byte & 0x80 == 0 { return .unsigned(result) }
            shift += 7
        }
        return bytes.count < maximumLength ? .missing : .invalid
    }

    static func signed(_ bytes: ArraySlice<UInt8>) -> TypedValue {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        for (index, byte) in zip(0..<maximumLength, bytes) {
            let low = UInt64(byte & 0x7F)
            // The tenth byte carries bit 63; its other bits must repeat it (the sign).
            if index == maximumLength - 1 && low != 0 && low != 0x7F { return .invalid }
            result |= low << shift
            shift += 7
            if byte & 0x80 == 0 {
                if shift < 64 && byte & 0x40 != 0 { result |= ~0 << shift }
                return .signed(Int64(bitPattern: result))
            }
        }
        return bytes.count < maximumLength ? .missing : .invalid
    }
}
