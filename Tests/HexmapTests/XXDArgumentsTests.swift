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
        #expect(parsed.inputPath == DumpPath("in"))
        #expect(parsed.outputPath == DumpPath("out"))
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
        #expect(try XXDArguments.parse(["-i", "dir/file.bin"]).options.variableName == Array("dir/file.bin".utf8))
        #expect(try XXDArguments.parse(["-i", "-n", "blob", "x"]).options.variableName == Array("blob".utf8))
        #expect(try XXDArguments.parse(["-i", "-"]).options.variableName == nil)
        #expect(try XXDArguments.parse(["-l", "3", "--", "-weird-name"]).inputPath == DumpPath("-weird-name"))
        #expect(try XXDArguments.parse(["-v", "whatever"]).showVersion)
    }

    @Test func usageErrors() {
        #expect(throws: XXDUsageError.unknownOption("-x")) { try XXDArguments.parse(["-x"]) }
        #expect(throws: XXDUsageError.unknownOption("-h")) { try XXDArguments.parse(["-h"]) }
        #expect(throws: XXDUsageError.missingValue("-c")) { try XXDArguments.parse(["-c"]) }
        #expect(throws: XXDUsageError.tooManyOperands) { try XXDArguments.parse(["a", "b", "c"]) }
    }

    /// Names that are not UTF-8 reach the kernel with their own bytes; their texts are repaired.
    @Test func pathsAndNamesKeepTheirBytes() throws {
        let input: [UInt8] = Array("lat1".utf8) + [0xe9] + Array(".bin".utf8)
        let output: [UInt8] = Array("lat1".utf8) + [0xea] + Array(".bin".utf8)
        let texts = ["-i", "-nx\u{FFFD}", "lat1\u{FFFD}.bin", "lat1\u{FFFD}.bin"]
        let bytes = [Array("-i".utf8), Array("-nx".utf8) + [0xff], input, output]
        let parsed = try XXDArguments.parse(texts, bytes: bytes)
        #expect(parsed.inputPath == DumpPath(bytes: input))
        #expect(parsed.outputPath == DumpPath(bytes: output))
        #expect(parsed.options.variableName == [UInt8(ascii: "x"), 0xff])
        let separate = try XXDArguments.parse(["-n", "\u{FFFD}", "-"], bytes: [Array("-n".utf8), [0xe9], [0x2d]])
        #expect(separate.options.variableName == [0xe9])
        #expect(separate.inputPath == nil)
    }

    /// A negative -g is xxd's "not given": the style's default group.
    @Test func negativeGroupMeansTheDefault() throws {
        #expect(try XXDArguments.parse(["-g", "-1"]).options.resolvedGroupSize == 2)
        #expect(try XXDArguments.parse(["-e", "-g-3"]).options.resolvedGroupSize == 4)
        #expect(try XXDArguments.parse(["-b", "-g", "-2"]).options.resolvedGroupSize == 1)
        #expect(try XXDArguments.parse(["-c", "3", "-g", "-9"]).options.resolvedGroupSize == 2)
        #expect(try XXDArguments.parse(["-g", "0"]).options.resolvedGroupSize == 16)
    }

    /// The offending word of a usage error is shown escaped: it may hold terminal escapes.
    @Test func usageErrorsEscapeTheWord() {
        let message = XXDUsageError.unknownOption("-\u{1B}]0;X\u{07}").description
        #expect(!message.contains("\u{1B}") && !message.contains("\u{07}"))
        #expect(message.contains("\\e]0;X"))
    }
}
