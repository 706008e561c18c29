import Testing

@testable import hexmap

@Suite struct XXDArgumentsTests {
    @Test func xxdNumberFormsAndSpellings() throws {
        let parsed = try XXDArguments.parse(["-s", "-0x20", "-c16", "-l", "010", "-g3", "-ps", "-u", "in", "out"])
        #expect(parsed.seek == XXDSeek(offset: 0x20, isFromEnd: true))
        #expect(parsed.options.columns == 16)
        #expect(parsed.length == 8)
        #expect(parsed.options.groupSize == 3)
        #expect(parsed.options.style == .plain)
        #expect(parsed.options.uppercase)
        #expect(parsed.inputPath == "in")
        #expect(parsed.outputPath == "out")
    }

    @Test func seekForms() throws {
        #expect(try XXDArguments.parse(["-s", "+0x10"]).seek == XXDSeek(offset: 16, isRelative: true))
        #expect(try XXDArguments.parse(["-s+-3"]).seek == XXDSeek(offset: 3, isRelative: true, isFromEnd: true))
        #expect(try XXDArguments.parse(["-seek", "10abc"]).seek == XXDSeek(offset: 10))
        #expect(XXDSeek(offset: 5, isFromEnd: true).signedOffset == -5)
    }

    @Test func lastStyleWinsAndAutoskipToggles() throws {
        #expect(try XXDArguments.parse(["-b", "-p"]).options.style == .plain)
        #expect(try XXDArguments.parse(["-p", "-i"]).options.style == .cInclude)
        #expect(try XXDArguments.parse(["-a", "-a"]).options.autoskip == false)
        #expect(try XXDArguments.parse(["--autoskip"]).options.autoskip == true)
    }

    @Test func valuesWrapAndSaturateLikeC() throws {
        #expect(try XXDArguments.parse(["-c", "4294967297"]).options.columns == 1)  // (int)strtol
        #expect(try XXDArguments.parse(["-l", "-5"]).length == nil)
        #expect(try XXDArguments.parse(["-o", "-1"]).options.displayOffset == UInt64.max)
        #expect(try XXDArguments.parse(["-s", "99999999999999999999999"]).seek?.offset == Int.max)
        #expect(XXDNumber.long("  -12xyz") == -12)
        #expect(XXDNumber.long("0x") == 0)
        #expect(XXDNumber.long("09") == 0)  // octal stops at 9
    }

    @Test func operandsAndVariableName() throws {
        #expect(try XXDArguments.parse(["-i", "dir/file.bin"]).options.variableName == "dir/file.bin")
        #expect(try XXDArguments.parse(["-i", "-n", "blob", "x"]).options.variableName == "blob")
        #expect(try XXDArguments.parse(["-i", "-"]).options.variableName == nil)
        #expect(try XXDArguments.parse(["-l", "3", "--", "-weird-name"]).inputPath == "-weird-name")
        #expect(try XXDArguments.parse(["-v", "whatever"]).showVersion)
    }

    @Test func usageErrors() {
        #expect(throws: XXDUsageError.unknownOption("-x")) { try XXDArguments.parse(["-x"]) }
        #expect(throws: XXDUsageError.unknownOption("-h")) { try XXDArguments.parse(["-h"]) }
        #expect(throws: XXDUsageError.missingValue("-c")) { try XXDArguments.parse(["-c"]) }
        #expect(throws: XXDUsageError.tooManyOperands) { try XXDArguments.parse(["a", "b", "c"]) }
    }
}
