/// The integer and float types that `inspect` shows, `poke` writes and `struct` fields use,
/// named as the command language names them (`u16le`, `i64be`, `f32le`). `u8` and `i8` have no
/// byte order. Their order here is the order `inspect` lists them in.
public enum ScalarType: String, CaseIterable, Sendable {
    case u8, i8
    case u16le, u16be, i16le, i16be
    case u32le, u32be, i32le, i32be
    case u64le, u64be, i64le, i64be
    case f32le, f32be, f64le, f64be

    /// The bytes a value takes.
    public var size: Int {
        switch self {
        case .u8, .i8: 1
        case .u16le, .u16be, .i16le, .i16be: 2
        case .u32le, .u32be, .i32le, .i32be, .f32le, .f32be: 4
        case .u64le, .u64be, .i64le, .i64be, .f64le, .f64be: 8
        }
    }

    public var isFloat: Bool {
        switch self {
        case .f32le, .f32be, .f64le, .f64be: true
        default: false
        }
    }

    public var isSigned: Bool {
        switch self {
        case .i8, .i16le, .i16be, .i32le, .i32be, .i64le, .i64be: true
        default: false
        }
    }

    var isBigEndian: Bool { rawValue.hasSuffix("be") }

    /// The value of the first `size` bytes of `bytes` (which holds at least that many).
    public func decode(_ bytes: some Collection<UInt8>) -> TypedValue {
        let bits = rawBits(bytes)
        switch self {
        case .f32le, .f32be: return .float32(Float(bitPattern: UInt32(truncatingIfNeeded: bits)))
        case .f64le, .f64be: return .float64(Double(bitPattern: bits))
        default: break
        }
        guard isSigned else { return .unsigned(bits) }
        // Sign-extend from the type's width.
        let unused = UInt64(64 - 8 * size)
        return .signed(Int64(bitPattern: bits << unused) >> unused)
    }

    /// The first `size` bytes as an unsigned number, in this type's byte order.
    func rawBits(_ bytes: some Collection<UInt8>) -> UInt64 {
        var bits: UInt64 = 0
        var index = bytes.startIndex
        for position in 0..<size {
            let byte = UInt64(bytes[index])
            bits |= isBigEndian ? byte << UInt64(8 * (size - 1 - position)) : byte << UInt64(8 * position)
            index = bytes.index(after: index)
        }
        return bits
    }

    /// The low `size` bytes of `bits`, in this type's byte order.
    func bytes(of bits: UInt64) -> [UInt8] {
        (0..<size).map { position in
            let shift = isBigEndian ? 8 * (size - 1 - position) : 8 * position
            return UInt8(truncatingIfNeeded: bits >> UInt64(shift))
        }
    }

    /// `poke`'s encoding of `literal`, or why it does not fit (`300 does not fit u8`).
    public func encode(_ literal: ScalarLiteral) -> Result<[UInt8], ScalarLiteral.Mismatch> {
        let mismatch = ScalarLiteral.Mismatch(literal: literal.text, type: self)
        switch (literal.value, self) {
        case (.float, _) where !isFloat:
            return .failure(mismatch.explaining("an integer type: write a whole number"))
        case (.integer(let negative, let magnitude), _) where !isFloat:
            guard let magnitude else { return .failure(mismatch) }
            let bits = 8 * size
            if isSigned {
                let limit: UInt64 = 1 << UInt64(bits - 1)
                guard negative ? magnitude <= limit : magnitude < limit else { return .failure(mismatch) }
                let value = negative ? 0 &- magnitude : magnitude
                return .success(bytes(of: value))
            }
            guard !negative || magnitude == 0 else { return .failure(mismatch) }
            guard bits == 64 || magnitude < 1 << UInt64(bits) else { return .failure(mismatch) }
            return .success(bytes(of: magnitude))
        default:
            return encodeFloat(literal, mismatch)
        }
    }

    private func encodeFloat(
        _ literal: ScalarLiteral, _ mismatch: ScalarLiteral.Mismatch
    ) -> Result<[UInt8], ScalarLiteral.Mismatch> {
        let text = literal.value.floatText
        let infinite = literal.value.isInfinityLiteral
        if size == 4 {
            guard let value = Float(text), value.isFinite || infinite || value.isNaN else { return .failure(mismatch) }
            return .success(bytes(of: UInt64(value.bitPattern)))
        }
        guard let value = Double(text), value.isFinite || infinite || value.isNaN else { return .failure(mismatch) }
        return .success(bytes(of: value.bitPattern))
    }
}
