import TestSupport
import Testing

@testable import HexDump

/// Expected bytes below are what `xxd -r` 2022-01-14 wrote for the same dump text.
@Suite struct XXDReverseTests {
    /// A pipe: moves only forward, gaps become zeros.
    struct StreamSink: XXDReverseSink {
        var bytes: [UInt8] = []
        var isSeekable: Bool { false }
        mutating func write(_ chunk: UnsafeRawBufferPointer, at position: Int) throws(XXDReverseError) {
            #expect(position == bytes.count)
            bytes.append(contentsOf: chunk)
        }
    }

    func reverse(
        _ dump: String, columns: Int = 16, plain: Bool = false, base: Int = 0, chunkSize: Int = 1 << 20
    ) throws -> [UInt8] {
        var parser = XXDReverseParser(columns: columns, isPlain: plain, baseOffset: base)
        var sink = StreamSink()
        let text = Array(dump.utf8)
        var start = 0
        while start < text.count {
            let end = min(start + chunkSize, text.count)
            try Array(text[start..<end]).withUnsafeBytes { bytes in
                try parser.parse(bytes, into: &sink)
            }
            start = end
        }
        try parser.finish(into: &sink)
        return sink.bytes
    }

    func patches(_ dump: String, base: Int = 0) throws -> XXDPatchSet {
        var parser = XXDReverseParser(columns: 16, isPlain: false, baseOffset: base)
        var set = XXDPatchSet()
        try Array(dump.utf8).withUnsafeBytes { bytes in try parser.parse(bytes, into: &set) }
        try parser.finish(into: &set)
        return set
    }

    @Test func reversesItsOwnDumpInAnyChunking() throws {
        var generator = SplitMix64(seed: 11)
        let bytes = (0..<777).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let dump = String(decoding: XXDFormatter.dump(bytes), as: UTF8.self)
        for chunkSize in [1, 5, 68, 4096] {
            #expect(try reverse(dump, chunkSize: chunkSize) == bytes)
        }
        let plain = String(decoding: XXDFormatter.dump(bytes, options: XXDOptions(style: .plain)), as: UTF8.self)
        #expect(try reverse(plain, plain: true, chunkSize: 7) == bytes)
    }

    @Test func gapsBecomeZerosOnAStream() throws {
        #expect(
            try reverse("00000000: 4142 4344  ABCD\n00000010: 45\n") == [0x41, 0x42, 0x43, 0x44] + .zeros(12) + [0x45])
    }

    @Test func textColumnIsIgnoredAndLinesStopAtTheColumnCount() throws {
        let line = "00000000: 4142 4344 4546 4748 494a 4b4c 4d4e 4f50 5152  ABCD\n"
        #expect(try reverse(line) == Array(0x41...0x50))
        #expect(try reverse(line, columns: 20) == Array(0x41...0x52))
    }

    @Test func oddInputFollowsXXDsCharacterRules() throws {
        // An offset-only line leaves xxd reading the next line's offset digits as data.
        #expect(try reverse("0010\n0000: 41\n") == .zeros(18))
        #expect(
            try reverse("00000000: 41 4 2 43 zz 44\n  00000004: 45 46\r\nxyz\n00000010: 4g47\n")
                == [0x41, 0x43, 0, 0, 0x45, 0x46] + .zeros(10) + [0x47])
        #expect(try reverse("41 42\n43:44 4 5zzz46\n47", plain: true) == [0x41, 0x42, 0x43, 0x44, 0x45, 0x47])
    }

    @Test func backwardsOnAStreamFailsAfterWritingWhatCameBefore() throws {
        var parser = XXDReverseParser(columns: 16, isPlain: false)
        var sink = StreamSink()
        #expect(throws: XXDReverseError.cannotSeekBackwards) {
            try Array("00000010: 4142\n00000000: 4344\n".utf8).withUnsafeBytes { bytes in
                try parser.parse(bytes, into: &sink)
            }
        }
        #expect(sink.bytes == .zeros(16) + [0x41, 0x42])
        #expect(throws: XXDReverseError.cannotSeekBackwards) { try reverse("00000010: 41\n", base: -0x20) }
        #expect(try reverse("00000010: 41\n", base: 0x20) == .zeros(0x30) + [0x41])
    }

    @Test func aFileTakesRunsAtTheirOffsetsInAnyOrder() throws {
        let set = try patches("00000010: 4142\n00000000: 4344\n")
        #expect(set.runs.map(\.position) == [16, 0])
        #expect(set.bytes == [0x41, 0x42, 0x43, 0x44])
        #expect(set.end == 18)
        // Before the start of the file is still refused.
        #expect(throws: XXDReverseError.cannotSeekBackwards) { try patches("00000000: 41\n", base: -1) }
        #expect(throws: XXDReverseError.offsetTooLarge(0x7fff_ffff_ffff_0000)) {
            try patches("7fffffffffff0000: 41\n")
        }
    }
}

extension Array where Element == UInt8 {
    static func zeros(_ count: Int) -> [UInt8] { [UInt8](repeating: 0, count: count) }
}
