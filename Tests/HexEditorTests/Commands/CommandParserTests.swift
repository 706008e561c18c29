import Testing

@testable import HexEditor

@Suite struct CommandParserTests {
    private func parse(_ line: String) throws(ParseError) -> Command? {
        try CommandParser.parse(line: line, lineNumber: 7)
    }

    private func failure(_ line: String) -> ParseError? {
        do {
            _ = try parse(line)
            return nil
        } catch {
            return error
        }
    }

    @Test func blankLinesAndCommentsAreNothing() throws {
        #expect(try parse("") == nil)
        #expect(try parse("   \t ") == nil)
        #expect(try parse("# a comment") == nil)
        #expect(try parse(":") == nil)
        #expect(try parse("  :  # comment after the colon") == nil)
    }

    @Test func parsesEveryCommand() throws {
        #expect(try parse("goto 0x10") == .goto(.position(.value(16))))
        #expect(try parse("goto +4") == .goto(.forward(4)))
        #expect(try parse("goto -4k") == .goto(.backward(4096)))
        #expect(try parse("goto $") == .goto(.position(.fromEnd(0))))
        #expect(try parse("patch 0 de ad be ef") == .patch(offset: .value(0), bytes: [0xDE, 0xAD, 0xBE, 0xEF]))
        #expect(try parse("patch 0 deadbeef") == .patch(offset: .value(0), bytes: [0xDE, 0xAD, 0xBE, 0xEF]))
        #expect(try parse("patch $-2 DEad") == .patch(offset: .fromEnd(2), bytes: [0xDE, 0xAD]))
        #expect(try parse("fill 16 1k ff") == .fill(offset: .value(16), length: .value(1024), byte: 0xFF))
        #expect(try parse("fill 0 $ 0x7") == .fill(offset: .value(0), length: .fromEnd(0), byte: 7))
        #expect(try parse("fill 0 4 \"A\"") == .fill(offset: .value(0), length: .value(4), byte: 0x41))
        #expect(try parse("insert 3 \"hi\" 00") == .insert(offset: .value(3), bytes: [0x68, 0x69, 0]))
        #expect(try parse("delete 1 2") == .delete(offset: .value(1), length: .value(2)))
        #expect(try parse("print") == .print(offset: nil, length: nil))
        #expect(try parse("print 0x20") == .print(offset: .value(32), length: nil))
        #expect(try parse("print 0 $") == .print(offset: .value(0), length: .fromEnd(0)))
        #expect(try parse("find \"PNG\"") == .find(pattern: Array("PNG".utf8), from: nil, all: false))
        #expect(
            try parse("find 7f45 4c46 from 0x40 all")
                == .find(pattern: [0x7F, 0x45, 0x4C, 0x46], from: .value(64), all: true))
        #expect(try parse("find 00 --all") == .find(pattern: [0], from: nil, all: true))
        #expect(try parse("sync") == .sync(async: false))
        #expect(try parse("sync async") == .sync(async: true))
        #expect(try parse("w") == .sync(async: false))
        #expect(try parse("advise willneed") == .advise(.willneed, offset: nil, length: nil))
        #expect(try parse("advise dontneed 0 4k") == .advise(.dontneed, offset: .value(0), length: .value(4096)))
        #expect(try parse("resize 1m") == .resize(.value(1 << 20)))
        #expect(try parse("resize $-16") == .resize(.fromEnd(16)))
        #expect(try parse("undo") == .undo)
        #expect(try parse("redo") == .redo)
        #expect(try parse("info") == .info)
        #expect(try parse("follow on") == .follow(true))
        #expect(try parse("follow off") == .follow(false))
        #expect(try parse("q") == .quit(.normal))
        #expect(try parse("q!") == .quit(.force))
        #expect(try parse("wq") == .quit(.afterSync))
        #expect(try parse("set columns=8") == .setColumns(8))
        #expect(try parse("set columns=auto") == .setColumns(nil))
        #expect(try parse("help") == .help)
        #expect(try parse("reopen") == .reopen)
        #expect(try parse(":patch 0 00 # trailing comment") == .patch(offset: .value(0), bytes: [0]))
    }

    @Test func decodesStringEscapes() throws {
        let command = try parse(#"patch 0 "a\n\t\r\0\\\"\'\x41\xfF\e""#)
        #expect(
            command
                == .patch(offset: .value(0), bytes: [0x61, 0x0A, 0x09, 0x0D, 0x00, 0x5C, 0x22, 0x27, 0x41, 0xFF, 0x1B]))
        #expect(
            try parse("patch 0 \"# not a comment\"") == .patch(offset: .value(0), bytes: Array("# not a comment".utf8)))
        #expect(try parse("patch 0 \"é\"") == .patch(offset: .value(0), bytes: [0xC3, 0xA9]))
    }

    @Test func decodesOctalEscapesAsC() throws {
        // Up to three octal digits: \012 is a newline, \0 then 8 is NUL and '8', \101 is 'A'.
        #expect(
            try parse(#"patch 0 "\012\08\101\7\377""#)
                == .patch(offset: .value(0), bytes: [0x0A, 0x00, 0x38, 0x41, 0x07, 0xFF]))
    }

    @Test func errorsNameLineColumnAndProblem() {
        #expect(
            failure("frobnicate 1")
                == ParseError(line: 7, column: 1, message: "unknown command 'frobnicate' (try: help)"))
        #expect(failure("patch 0")?.message == "patch: missing BYTES (usage: patch OFF BYTES)")
        #expect(failure("patch 0")?.column == 9)
        #expect(failure("patch")?.message == "patch: missing OFF (usage: patch OFF BYTES)")
        #expect(failure("fill 0 10")?.message == "fill: missing BYTE (usage: fill OFF LEN BYTE)")
        #expect(failure("goto 12q")?.message.hasPrefix("goto: OFF: bad number '12q'") == true)
        #expect(failure("goto 12q")?.column == 6)
        #expect(failure("patch 0 abc")?.message == "patch: odd number of hex digits in 'abc' (bytes are pairs like 0a)")
        #expect(failure("patch 0 abc")?.column == 9)
        #expect(failure("patch 0 00 0g")?.column == 13)
        #expect(failure("patch 0 00 0g")?.message.hasPrefix("patch: bad hex digit 'g' in '0g'") == true)
        #expect(failure("patch 0 \"abc")?.message == "unterminated string (no closing \")")
        #expect(failure("patch 0 \"abc")?.column == 9)
        #expect(failure(#"patch 0 "a\q""#)?.message.hasPrefix(#"bad escape \q"#) == true)
        #expect(failure(#"patch 0 "a\q""#)?.column == 11)
        #expect(failure(#"patch 0 "\x4""#)?.message == #"bad escape: \x needs two hex digits"#)
        #expect(failure(#"patch 0 "\400""#)?.message.hasPrefix(#"bad escape: octal \400 is more than a byte"#) == true)
        #expect(failure("fill 0 -5 00")?.message == "fill: LEN must not be negative: '-5'")
        #expect(failure("fill 0 -5 00")?.column == 8)
        #expect(failure("delete -1 2")?.message == "delete: OFF must not be negative: '-1'")
        #expect(
            failure("print 0 99999999999999999999")?.message == "print: LEN: number too large '99999999999999999999'")
        #expect(failure("info now")?.message == "info: unexpected 'now' (takes no arguments)")
        #expect(failure("info now")?.column == 6)
        #expect(failure("advise often")?.message.hasPrefix("advise: unknown hint 'often'") == true)
        #expect(failure("fill 0 1 abcd")?.message == "fill: BYTE must be one hex pair like ff, not 'abcd'")
        #expect(failure("fill 0 1 0x100")?.message == "fill: BYTE must be at most 0xff, not '0x100'")
        #expect(failure("\"patch\" 0 00")?.message == "expected a command name, found a string")
        #expect(failure("set columns=0")?.message == "set columns: must be 1 to 256 or auto, not 0")
        #expect(
            failure("find from 3")?.message
                == "find: missing PATTERN (usage: find PATTERN [from OFF] [to OFF] [back] [all | count])")
        #expect(failure("print $+3")?.message.hasPrefix("print: OFF: bad number '$+3'") == true)
    }

    @Test func columnsCountCharactersNotBytes() {
        // "é" is two bytes but one column.
        #expect(failure("patch 0 \"é\" zz")?.column == 13)
    }

    @Test func refusesNulInvalidUTF8AndOverlongLines() {
        #expect(throws: ParseError(line: 2, column: 7, message: "NUL byte in the script")) {
            try CommandParser.parse(bytes: Array("patch \u{0}".utf8), lineNumber: 2)
        }
        #expect(throws: ParseError(line: 1, column: 9, message: "invalid UTF-8 (byte 0xff)")) {
            try CommandParser.parse(bytes: Array("patch 0 ".utf8) + [0xFF], lineNumber: 1)
        }
        #expect(throws: ParseError(line: 1, column: 10, message: "invalid UTF-8 (byte 0xc3)")) {
            try CommandParser.parse(bytes: Array("patch 0 \"".utf8) + [0xC3, 0x28], lineNumber: 1)
        }
        let long = Array("patch 0 ".utf8) + [UInt8](repeating: 0x61, count: 20 << 20)
        #expect(
            throws: ParseError(
                line: 1, column: 1,
                message: "line too long: \(long.count) bytes (at most 1048576; split the data over several commands)")
        ) {
            try CommandParser.parse(bytes: long, lineNumber: 1)
        }
    }
}
