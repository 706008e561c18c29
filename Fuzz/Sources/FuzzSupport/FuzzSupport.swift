#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the fuzz targets share: a failed invariant is a crash that libFuzzer records, with a
/// message that says which invariant and on what.

/// Stops the run, after printing `message` on stderr, unless `condition` holds. libFuzzer sees
/// the trap as a crash and saves the input that caused it.
public func require(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    if condition() { return }
    let text = "invariant failed: \(message())\n"
    _ = text.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    fatalError("invariant failed", file: file, line: line)
}

/// A deterministic stream of small numbers drawn from the input itself (so a saved crash
/// input reproduces the same choices): SplitMix64 seeded with an FNV-1a hash of the bytes.
public struct InputRandom {
    private var state: UInt64

    public init(_ bytes: some Sequence<UInt8>) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        state = hash
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A number in `range` (which must not be empty).
    public mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// `bytes` cut into consecutive pieces of 1 to `longest` bytes.
    public mutating func chunks(of bytes: [UInt8], longest: Int) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + next(in: 1...longest))
            pieces.append(bytes[start..<end])
            start = end
        }
        return pieces
    }
}

/// The fuzz input as an array.
public func inputBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}
