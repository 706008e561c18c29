import Testing

@testable import HexEditor

@Suite struct NumberLiteralTests {
    @Test(arguments: [
        ("0", 0), ("4096", 4096), ("0x1000", 4096), ("0X1f", 31), ("4k", 4096), ("4K", 4096),
        ("1m", 1 << 20), ("2g", 2 << 30), ("0x10k", 16 << 10), ("007", 7),
    ])
    func parsesValues(text: String, value: Int) {
        #expect(NumberLiteral.value(of: text) == value)
    }

    @Test(arguments: ["", "k", "0x", "12z", "1.5", "-3", "0xg", "1kk", "١٢", "9223372036854775807k"])
    func rejectsMalformed(text: String) {
        #expect(NumberLiteral.value(of: text) == nil)
    }

    @Test func reportsOverflowAsTooLarge() {
        #expect(NumberLiteral.parse("99999999999999999999") == .failure(.tooLarge))
        #expect(NumberLiteral.parse("8589934592g") == .failure(.tooLarge))
        #expect(NumberLiteral.parse("9223372036854775807") == .success(Int.max))
    }
}
