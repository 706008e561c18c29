import Foundation
import TestSupport
import Testing

@testable import HexEditor

/// `struct`'s FIELDS: what parses, and every problem with its column.
@Suite struct StructParsingTests {
    @Test func fieldsParseAndRoundTrip() throws {
        let command = try #require(
            try CommandParser.parse(line: "struct  u32le magic ,u16le n,char[n]  name, u8[4] pad at 0x10"))
        #expect(command.word("FIELDS") == "u32le magic, u16le n, char[n] name, u8[4] pad")
        #expect(command.number("at") == .value(16))
        #expect(command.text == "struct u32le magic, u16le n, char[n] name, u8[4] pad at 16")
        #expect(try CommandParser.parse(line: command.text) == command)
        for line in [
            "struct elf64", "struct gif at $-16", "struct off", "struct define hdr u16be magic, u8[magic] rest",
        ] {
            let parsed = try #require(try CommandParser.parse(line: line))
            #expect(parsed.text == line)
        }
    }

    /// Each bad line, the column of the problem, and the start of its message.
    @Test(arguments: [
        ("struct u24 x", 8, "struct: unknown type 'u24' (known: u8 i8 u16le"),
        ("struct u8", 11, "struct: missing the name of the u8 field (found the end)"),
        ("struct u8 a u8 b", 13, "struct: expected ',' between fields, found 'u'"),
        ("struct u8 a, u8 a", 17, "struct: two fields are named 'a'"),
        ("struct char[n] s", 13, "struct: 'n' is not an earlier field"),
        ("struct u8 s, char[n] t, u8 n", 19, "struct: 'n' is not an earlier field"),
        ("struct f32le n, u8[n] s", 20, "struct: 'n' is a f32le field: a length must be an integer field"),
        ("struct u8 a, u8[a] b, char[b] c", 28, "struct: 'b' is a u8[a] field: a length must be an integer field"),
        ("struct u8[] x", 11, "struct: u8[N] needs a length N and a closing ']'"),
        ("struct u8[4 x", 11, "struct: u8[N] needs a length N and a closing ']'"),
        ("struct u16[4] x", 8, "struct: 'u16[...]': only u8[N] and char[N] are arrays"),
        ("struct u8[-1] x", 11, "struct: bad length '-1'"),
        ("struct u8 a,", 14, "struct: missing a field after ','"),
        ("struct u8 a,, u8 b", 13, "struct: expected a type, found ','"),
        ("struct u8 9a", 11, "struct: bad field name '9a'"),
        ("struct u8 a, u16le at", 20, "struct: missing the name of the u16le field (found the end)"),
        ("struct u8 define", 11, "struct: 'define' cannot name a field (it is a keyword)"),
        ("struct define", 15, "struct: missing the NAME after 'define'"),
        ("struct define 9x u8 a", 15, "struct: bad struct name '9x'"),
        ("struct define u8 u8 a", 15, "struct: 'u8' cannot name a struct (it is a keyword or a type)"),
        ("struct define hdr", 19, "struct: missing FIELDS after 'define hdr'"),
        ("struct off now", 12, "struct: 'struct off' takes nothing more"),
        ("struct \"u8 a\"", 8, "struct: FIELDS are words, not a string"),
        ("struct", 8, "struct: missing FIELDS or a NAME"),
    ])
    func errorsHaveColumns(line: String, column: Int, message: String) throws {
        let error = try #require(parseError(line), "\(line) is refused")
        #expect(error.column == column, "\(line): \(error.message)")
        #expect(error.message.hasPrefix(message), "\(line): \(error.message)")
    }

    @Test func tabCompletesStructNamesTypesAndKeywords() {
        #expect(CommandCompletion.candidates(for: "struct e").words == ["elf64"])
        #expect(CommandCompletion.candidates(for: "struct d").words == ["define"])
        #expect(
            Set(["bmp", "define", "gif", "off", "png_ihdr", "wav", "zip_local"]).isSubset(
                of: CommandCompletion.candidates(for: "struct ").words))
        #expect(CommandCompletion.candidates(for: "struct elf64 ").words == ["at"])
        #expect(CommandCompletion.candidates(for: "poke f6").words == ["f64be", "f64le"])
        #expect(CommandCompletion.candidates(for: "poke u8 1 ").words == ["at"])
        #expect(CommandCompletion.candidates(for: "set inspector ").words == ["off", "on"])
        #expect(CommandCompletion.candidates(for: "ins").words == ["insert", "inspect"])
    }

    @Test func definitionFilesReportTheirLineAndColumn() {
        let text = "# a header\nu16le magic\n\nu8 a, u24 b  # bad\nu8 c\n"
        guard case .failure(let problem) = StructLibrary.parse(text: Array(text.utf8), path: "/x/hdr.struct") else {
            Issue.record("the file parses")
            return
        }
        #expect(problem.description == "/x/hdr.struct:4:7: unknown type 'u24' (known: \(StructFieldParser.typeNames))")
        // A length may name a field of an earlier line.
        guard case .success(let definition) = StructLibrary.parse(text: Array("u8 n\nchar[n] s\n".utf8), path: "p")
        else {
            Issue.record("a later line sees the earlier fields")
            return
        }
        #expect(definition.text == "u8 n, char[n] s")
        guard case .failure(let empty) = StructLibrary.parse(text: Array("# nothing\n".utf8), path: "e.struct") else {
            Issue.record("an empty definition is refused")
            return
        }
        #expect(empty.description == "e.struct: no fields (write TYPE NAME lines)")
        guard
            case .failure(let binary) = StructLibrary.parse(
                text: [0x75, 0x38, 0x20, 0x61, 0x0A, 0xFF], path: "b.struct")
        else {
            Issue.record("invalid UTF-8 is refused")
            return
        }
        #expect(binary.description == "b.struct:2: invalid UTF-8")
    }

    @Test func aDirectoryOfDefinitionsLoadsWhatParsesAndReportsTheRest() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hexmap-structs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        try write("tag.struct", "char[4] tag\nu32be size\n")
        try write("broken.struct", "u8 a\nu8 b\nchar[c] s\n")
        try write("9lives.struct", "u8 a\n")
        try write("gif.struct", "char[6] magic\n")
        try write("notes.txt", "not a definition")
        let library = StructLibrary.load(directoryPath: directory.path)
        #expect(library.definition(named: "tag")?.text == "char[4] tag, u32be size")
        #expect(library.definition(named: "gif")?.text == "char[6] magic", "a user's file replaces the shipped one")
        #expect(library.definition(named: "elf64") != nil, "the shipped ones are still there")
        #expect(library.definition(named: "broken") == nil)
        #expect(library.definition(named: "notes") == nil)
        let shownDirectory = directory.path
        #expect(
            library.problems.map(\.description) == [
                "\(shownDirectory)/9lives.struct: '9lives' cannot name a struct (letters, digits and _, a letter first, not a type or keyword)",
                "\(shownDirectory)/broken.struct:3:6: 'c' is not an earlier field (N is a number or an earlier integer field)",
            ])
        // A missing directory is no problem.
        #expect(StructLibrary.load(directoryPath: directory.path + "/none").problems.isEmpty)
    }

    @Test func aDefinitionForTheSessionAndUnknownNames() throws {
        let file = TemporaryFile([0x00, 0x03, 0x61, 0x62, 0x63, 0xFF], name: "define")
        let document = try Document(path: file.path)
        let interpreter = CommandInterpreter(document: document)
        let sink = CollectingSink()
        interpreter.outputSink = sink
        let context = CommandContext(cursor: 0)
        let defined = try interpreter.run(line: "struct define pstr u16be length, char[length] text", context: context)
        #expect(defined.message == "defined struct pstr (2 fields)")
        _ = try interpreter.run(line: "struct pstr", context: context)
        #expect(sink.lines == ["0x0  length  u16be    3", "0x2  text    char[3]  \"abc\""])
        #expect(throws: EditorError.self) { try interpreter.run(line: "struct nosuch", context: context) }
        do {
            _ = try interpreter.run(line: "struct nosuch", context: context)
        } catch {
            #expect(
                error.message.hasPrefix(
                    "struct: unknown struct 'nosuch' (known: bmp elf64 gif png_ihdr pstr wav zip_local"))
        }
        #expect(throws: EditorError("struct define takes no 'at'")) {
            try interpreter.run(line: "struct define x u8 a at 0", context: context)
        }
    }

    @Test func valuesPastTheEndAndLengthsThatCannotBeRead() throws {
        // n = 5 but only three bytes follow: the array would run past the end.
        let file = TemporaryFile([0x05, 0x61, 0x62, 0x63], name: "short")
        #expect(
            try runTyped("struct u8 n, char[n] s, u8 after", on: file) == [
                "0x0  n      u8       5", "0x1  s      char[5]  -", "0x6  after  u8       -",
            ])
        // The length itself is past the end: nothing after it has an offset.
        #expect(
            try runTyped("struct u8 a, u32le n, u8[n] data, u8 z at 1", on: file) == [
                "0x1  a     u8     97", "0x2  n     u32le  -", "0x6  data  u8[n]  -", "-    z     u8     -",
            ])
        // A negative length is no length.
        let negative = TemporaryFile([0xFF, 0x00], name: "negative")
        #expect(
            try runTyped("struct i8 n, u8[n] data, u8 z", on: negative) == [
                "0x0  n     i8     -1", "0x1  data  u8[n]  invalid", "-    z     u8     -",
            ])
    }

    @Test func longArraysShowTheirFirstBytes() throws {
        let file = TemporaryFile([UInt8](repeating: 0x41, count: 300), name: "long")
        let lines = try runTyped("struct char[300] text, u8[300] again at 0", on: file)
        #expect(lines[0] == "0x0    text   char[300]  \"" + String(repeating: "A", count: 256) + "\"...")
        #expect(lines[1] == "0x12c  again  u8[300]    -", "300 bytes from 0x12c run past the end")
        let json = try runTyped(
            "struct u8[3] b, char[2] c", on: TemporaryFile([0x7F, 0x00, 0x22, 0x0A, 0x5C], name: "json"), json: true)
        #expect(
            json == [
                #"{"struct":null,"offset":0,"fields":[{"name":"b","offset":0,"type":"u8[3]","value":"7f0022"},"#
                    + #"{"name":"c","offset":3,"type":"char[2]","value":"\\n\\\\"}]}"#
            ])
    }
}
