import TestSupport
import Testing

@testable import HexDump

/// Expected texts below were printed by `xxd` 2022-01-14 on the same input.
@Suite struct XXDFormatterTests {
    static let mixed: [UInt8] = Array("hello".utf8) + [0, 1, 0xff] + Array(" world\n".utf8)
    static let alphabet: [UInt8] = Array("abcdefghijklmnopqrstuvwxyz".utf8)

    func dump(_ bytes: [UInt8], at offset: Int = 0, _ options: XXDOptions = XXDOptions()) -> String {
        String(decoding: XXDFormatter.dump(bytes, at: offset, options: options), as: UTF8.self)
    }

    @Test func defaultLinesMatchXXD() {
        #expect(
            dump(Self.alphabet) == """
                00000000: 6162 6364 6566 6768 696a 6b6c 6d6e 6f70  abcdefghijklmnop
                00000010: 7172 7374 7576 7778 797a                 qrstuvwxyz

                """)
    }

    @Test func emptyInputPrintsNothing() {
        #expect(dump([]).isEmpty)
    }

    @Test func offsetIsTheChunksFileOffsetPlusDisplayOffset() {
        #expect(
            dump(Self.mixed, XXDOptions(displayOffset: 0x7fff_fff0))
                == "7ffffff0: 6865 6c6c 6f00 01ff 2077 6f72 6c64 0a    hello... world.\n")
        #expect(dump(Array(Self.alphabet[3...]), at: 3, XXDOptions(decimalOffsets: true)).hasPrefix("00000003: 6465"))
        #expect(
            dump(Self.alphabet, XXDOptions(displayOffset: 0 &- 5, decimalOffsets: true))
                .hasPrefix("-0000005: 6162 6364"))
    }

    @Test func uppercaseAndGroups() {
        #expect(
            dump(Self.mixed, XXDOptions(groupSize: 4, uppercase: true))
                == "00000000: 68656C6C 6F0001FF 20776F72 6C640A    hello... world.\n")
    }

    @Test func bitsLines() {
        #expect(
            dump(Self.mixed, XXDOptions(style: .bits)) == """
                00000000: 01101000 01100101 01101100 01101100 01101111 00000000  hello.
                00000006: 00000001 11111111 00100000 01110111 01101111 01110010  .. wor
                0000000c: 01101100 01100100 00001010                             ld.

                """)
    }

    @Test func littleEndianIncludingOddLayouts() {
        #expect(
            dump(Self.mixed, XXDOptions(style: .littleEndian, groupSize: 8))
                == "00000000: ff01006f6c6c6568   0a646c726f7720  hello... world.\n")
        // Three columns with four-byte groups: xxd's digits overwrite part of the text column.
        #expect(
            dump(Array(Self.alphabet[0..<6]), XXDOptions(style: .littleEndian, columns: 3)) == """
                00000000: 63  61 62bc
                00000003: 66  64 65ef

                """)
        #expect(
            dump(Self.alphabet, XXDOptions(style: .littleEndian, columns: 6)).hasPrefix(
                "00000000: 64636261     6665cdef\n"))
    }

    @Test func autoskipReplacesZeroRunsAndShowsTheLastLine() {
        let bytes = [UInt8](repeating: 0, count: 64) + [0x41]
        #expect(
            dump(bytes, XXDOptions(autoskip: true)) == """
                00000000: 0000 0000 0000 0000 0000 0000 0000 0000  ................
                *
                00000040: 41                                       A

                """)
        // A run that reaches the end of the input still shows its last line.
        #expect(
            dump([UInt8](repeating: 0, count: 20), at: 0x10, XXDOptions(columns: 8, autoskip: true)) == """
                00000010: 0000 0000 0000 0000  ........
                00000018: 0000 0000 0000 0000  ........
                00000020: 0000 0000            ....

                """)
        let fourZeroLines = dump([UInt8](repeating: 0, count: 64), XXDOptions(autoskip: true))
        #expect(
            fourZeroLines.split(separator: "\n").map(String.init).map { $0.prefix(9) } == [
                "00000000:", "*", "00000030:",
            ])
    }

    @Test func plainAndCInclude() {
        #expect(
            dump(Self.alphabet, XXDOptions(style: .plain)) == "6162636465666768696a6b6c6d6e6f707172737475767778797a\n")
        #expect(dump([], XXDOptions(style: .plain)).isEmpty)
        #expect(dump([], XXDOptions(style: .plain, columns: 0)) == "\n")
        #expect(
            dump(Self.alphabet, XXDOptions(style: .cInclude, variableName: Array("t26".utf8))) == """
                unsigned char t26[] = {
                  0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c,
                  0x6d, 0x6e, 0x6f, 0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78,
                  0x79, 0x7a
                };
                unsigned int t26_len = 26;

                """)
        #expect(
            dump([], XXDOptions(style: .cInclude, capitalizeNames: true, variableName: Array("9a.b".utf8))) == """
                unsigned char __9A_B[] = {
                };
                unsigned int __9A_B_LEN = 0;

                """)
        #expect(dump([0xab], XXDOptions(style: .cInclude, uppercase: true)) == "  0XAB\n")
    }

    @Test func chunkingNeverChangesTheText() {
        var generator = SplitMix64(seed: 7)
        var bytes = (0..<1000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        bytes.replaceSubrange(100..<400, with: repeatElement(0, count: 300))
        let styles: [XXDOptions] = [
            XXDOptions(), XXDOptions(columns: 7, groupSize: 3, autoskip: true), XXDOptions(style: .bits),
            XXDOptions(style: .littleEndian, columns: 10), XXDOptions(style: .plain, columns: 13),
            XXDOptions(style: .cInclude, variableName: Array("x".utf8)),
        ]
        for options in styles {
            let whole = XXDFormatter.dump(bytes, at: 5, options: options)
            for chunkSize in [1, 3, 16, 17, 999] {
                var formatter = XXDFormatter(options: options)
                var output: [UInt8] = []
                var start = 0
                while start < bytes.count {
                    let end = min(start + chunkSize, bytes.count)
                    formatter.append(Array(bytes[start..<end]), at: 5 + start, to: &output)
                    start = end
                }
                formatter.finish(into: &output)
                #expect(output == whole, "chunk size \(chunkSize), options \(options)")
            }
        }
    }

    @Test func invalidOptionsAreRefusedWithXXDsMessages() {
        #expect(throws: XXDOptionError.invalidColumns) { try XXDOptions(columns: 257).validate() }
        #expect(throws: XXDOptionError.invalidColumns) { try XXDOptions(style: .plain, columns: -1).validate() }
        #expect(throws: XXDOptionError.groupNotPowerOfTwo) {
            try XXDOptions(style: .littleEndian, groupSize: 3).validate()
        }
        #expect(throws: Never.self) { try XXDOptions(style: .cInclude, columns: 300).validate() }
        #expect(throws: Never.self) { try XXDOptions(style: .littleEndian, columns: 3).validate() }
        #expect(XXDOptionError.invalidColumns.description == "invalid number of columns (max. 256).")
    }
}
