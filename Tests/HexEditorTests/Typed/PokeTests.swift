import TestSupport
import Testing

@testable import HexEditor

/// `poke`: typed writes, their bytes, every range error, and one undo step each.
@Suite struct PokeTests {
    /// Pokes `value` as `type` at 0 into eight zero bytes; returns the file's bytes.
    private func poked(_ type: String, _ value: String, size: Int = 8) throws -> [UInt8] {
        let file = TemporaryFile([UInt8](repeating: 0, count: size), name: "poke")
        _ = try runTyped("poke \(type) \(value) at 0", on: file)
        return file.bytes
    }

    @Test func integerBytesInBothOrders() throws {
        #expect(try poked("u8", "255") == [0xFF, 0, 0, 0, 0, 0, 0, 0])
        #expect(try poked("i8", "-128") == [0x80, 0, 0, 0, 0, 0, 0, 0])
        #expect(try poked("u16le", "0x1234") == [0x34, 0x12, 0, 0, 0, 0, 0, 0])
        #expect(try poked("u16be", "0x1234") == [0x12, 0x34, 0, 0, 0, 0, 0, 0])
        #expect(try poked("i16le", "-2") == [0xFE, 0xFF, 0, 0, 0, 0, 0, 0])
        #expect(try poked("i16be", "-2") == [0xFF, 0xFE, 0, 0, 0, 0, 0, 0])
        #expect(try poked("u32le", "0xdeadbeef") == [0xEF, 0xBE, 0xAD, 0xDE, 0, 0, 0, 0])
        #expect(try poked("u32be", "3735928559") == [0xDE, 0xAD, 0xBE, 0xEF, 0, 0, 0, 0])
        #expect(try poked("i32le", "-2147483648") == [0, 0, 0, 0x80, 0, 0, 0, 0])
        #expect(try poked("i32be", "-1") == [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0])
        #expect(try poked("u64le", "18446744073709551615") == [UInt8](repeating: 0xFF, count: 8))
        #expect(try poked("u64be", "0x0102030405060708") == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(try poked("i64le", "-9223372036854775808") == [0, 0, 0, 0, 0, 0, 0, 0x80])
        #expect(try poked("i64be", "9223372036854775807") == [0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(try poked("u32le", "4k") == [0, 0x10, 0, 0, 0, 0, 0, 0])
        #expect(try poked("i8", "-0") == [0, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test func floatBytesInBothOrders() throws {
        #expect(try poked("f32le", "1.5") == [0, 0, 0xC0, 0x3F, 0, 0, 0, 0])
        #expect(try poked("f32be", "-1.5") == [0xBF, 0xC0, 0, 0, 0, 0, 0, 0])
        #expect(try poked("f64le", "1.5") == [0, 0, 0, 0, 0, 0, 0xF8, 0x3F])
        #expect(try poked("f64be", "-0.0") == [0x80, 0, 0, 0, 0, 0, 0, 0])
        #expect(try poked("f32be", "inf") == [0x7F, 0x80, 0, 0, 0, 0, 0, 0])
        #expect(try poked("f64be", "-inf") == [0xFF, 0xF0, 0, 0, 0, 0, 0, 0])
        #expect(try poked("f32be", "nan") == [0x7F, 0xC0, 0, 0, 0, 0, 0, 0])
        #expect(try poked("f64le", "2") == [0, 0, 0, 0, 0, 0, 0, 0x40], "an integer literal is a float too")
        #expect(try poked("f32le", "1e-45") == [1, 0, 0, 0, 0, 0, 0, 0], "the smallest subnormal")
        #expect(try poked("f32be", "3.4028235e38") == [0x7F, 0x7F, 0xFF, 0xFF, 0, 0, 0, 0], "the largest float")
    }

    /// Every type and a value near each of its limits, read back by `inspect`.
    @Test(arguments: [
        ("u8", "200"), ("i8", "-100"), ("u16le", "65535"), ("u16be", "40000"), ("i16le", "-32768"),
        ("i16be", "32767"), ("u32le", "4294967295"), ("u32be", "123456789"), ("i32le", "-2147483648"),
        ("i32be", "2147483647"), ("u64le", "18446744073709551615"), ("u64be", "1"), ("i64le", "-9223372036854775808"),
        ("i64be", "9223372036854775807"), ("f32le", "-2.5"), ("f32be", "3.1415927"), ("f64le", "1e-300"),
        ("f64be", "-1.7976931348623157e+308"),
    ])
    func roundTrip(type: String, value: String) throws {
        let file = TemporaryFile([UInt8](repeating: 0xAA, count: 12), name: "round")
        _ = try runTyped("poke \(type) \(value) at 2", on: file)
        let values = try runTyped("inspect 2", on: file).filter { $0.hasPrefix(type + ":") }
        #expect(values == ["\(type): \(value)"])
        #expect(file.bytes.prefix(2) == [0xAA, 0xAA], "nothing before the offset changes")
        let size = ScalarType(rawValue: type)!.size
        #expect(file.bytes.suffix(10 - size) == ArraySlice([UInt8](repeating: 0xAA, count: 10 - size)))
    }

    /// Each bound plus or minus one is refused when the line is parsed: nothing runs.
    @Test(arguments: [
        ("u8", "256"), ("u8", "-1"), ("i8", "128"), ("i8", "-129"), ("u16le", "65536"), ("u16be", "-1"),
        ("i16le", "32768"), ("i16be", "-32769"), ("u32le", "4294967296"), ("u32be", "0x100000000"),
        ("i32le", "2147483648"), ("i32be", "-2147483649"), ("u64le", "18446744073709551616"),
        ("u64be", "-1"), ("i64le", "9223372036854775808"), ("i64be", "-9223372036854775809"),
        ("i8", "0xff"), ("u64le", "99999999999999999999999"),
        ("f32le", "1e39"), ("f32be", "-3.5e38"), ("f64le", "1e309"), ("f64be", "-2e308"),
    ])
    func rangeErrors(type: String, value: String) throws {
        let line = "poke \(type) \(value)"
        let error = try #require(parseError(line))
        #expect(error.message == "poke: \(value) does not fit \(type)")
        #expect(error.column == 7 + type.count)
    }

    @Test func wholeNumbersOnlyForIntegerTypes() throws {
        let error = try #require(parseError("poke u16le 1.5"))
        #expect(error.message == "poke: 1.5 does not fit u16le (an integer type: write a whole number)")
        #expect(error.column == 12)
        let bad = try #require(parseError("poke u8 12abc"))
        #expect(bad.message.hasPrefix("poke: bad VALUE '12abc'"))
        #expect(bad.column == 9)
        let type = try #require(parseError("poke u24 1"))
        #expect(type.message.hasPrefix("poke: unknown type 'u24' (known: u8 i8 u16le"))
    }

    @Test func aWritePastTheEndIsRefusedAndNeverGrowsTheFile() throws {
        let file = TemporaryFile([1, 2, 3, 4, 5, 6], name: "end")
        #expect(throws: EditorError("poke: 4 bytes at 0x4 run past the end of the file (size 6)")) {
            try runTyped("poke u32le 0 at 4", on: file)
        }
        #expect(throws: EditorError("poke: offset 0x7 is past the end of the file (size 6)")) {
            try runTyped("poke u8 0 at 7", on: file)
        }
        #expect(file.bytes == [1, 2, 3, 4, 5, 6])
        _ = try runTyped("poke u16be 0xffff at $-2", on: file)
        #expect(file.bytes == [1, 2, 3, 4, 0xFF, 0xFF], "the last bytes can be poked")
    }

    @Test func aReadOnlyFileIsRefused() throws {
        let file = TemporaryFile([0, 0], name: "ro")
        let document = try Document(path: file.path, readOnly: true)
        let interpreter = CommandInterpreter(document: document)
        #expect(throws: EditorError.self) {
            _ = try interpreter.run(line: "poke u16le 7", context: CommandContext(cursor: 0))
        }
        #expect(file.bytes == [0, 0])
    }

    @Test func onePokeIsOneUndoStep() throws {
        let file = TemporaryFile([UInt8](repeating: 0x11, count: 16), name: "undo")
        let document = try Document(path: file.path)
        let interpreter = CommandInterpreter(document: document)
        let effects = try interpreter.run(
            line: "poke u64be 0x0102030405060708 at 4", context: CommandContext(cursor: 0))
        #expect(effects.cursor == 4)
        #expect(effects.message == "poked u64be 72623859790382856 at 0x4")
        #expect(document.unsyncedEdits == 1)
        #expect(file.bytes[4..<12] == [1, 2, 3, 4, 5, 6, 7, 8])
        _ = try interpreter.run(line: "undo", context: CommandContext(cursor: 0))
        #expect(file.bytes == [UInt8](repeating: 0x11, count: 16))
        #expect(!document.canUndo)
        _ = try interpreter.run(line: "redo", context: CommandContext(cursor: 0))
        #expect(file.bytes[4..<12] == [1, 2, 3, 4, 5, 6, 7, 8])
    }

    @Test func theCursorIsTheDefault() throws {
        let file = TemporaryFile([0, 0, 0], name: "cursor")
        _ = try runTyped("poke u8 9", on: file, cursor: 2)
        #expect(file.bytes == [0, 0, 9])
    }

    @Test func commandTextRoundTrips() throws {
        for line in ["poke i8 -5", "poke f64le -1.5e-3 at 16", "poke u64be 0xffffffffffffffff at $-8"] {
            let command = try #require(try CommandParser.parse(line: line))
            #expect(command.text == line)
            #expect(try CommandParser.parse(line: command.text) == command)
        }
    }
}
