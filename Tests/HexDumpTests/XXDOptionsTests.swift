import Testing

@testable import HexDump

/// How options resolve the way xxd 2022-01-14 resolves them.
@Suite struct XXDOptionsTests {
    /// xxd keeps an unset group size as -1 and tests only the sign, so every negative -g is the
    /// style's default; 0 and sizes past the line make one group.
    @Test func negativeGroupSizeIsTheStylesDefault() {
        #expect(XXDOptions(groupSize: -1).resolvedGroupSize == 2)
        #expect(XXDOptions(groupSize: Int(Int32.min)).resolvedGroupSize == 2)
        #expect(XXDOptions(style: .bits, groupSize: -2).resolvedGroupSize == 1)
        #expect(XXDOptions(style: .littleEndian, groupSize: -3).resolvedGroupSize == 4)
        #expect(XXDOptions(style: .littleEndian, columns: 3, groupSize: -1).resolvedGroupSize == 3)
        #expect(XXDOptions(groupSize: 0).resolvedGroupSize == 16)
        #expect(XXDOptions(groupSize: 17).resolvedGroupSize == 16)
    }

    @Test func negativeGroupSizeDumpsLikeTheDefault() throws {
        let bytes = Array("hello world, this is a test of group sizes\n".utf8)
        #expect(XXDFormatter.dump(bytes, options: XXDOptions(groupSize: -1)) == XXDFormatter.dump(bytes))
        try XXDOptions(style: .littleEndian, groupSize: -3).validate()
    }
}
