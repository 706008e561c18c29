import Foundation
import TestSupport
import Testing

/// `inspect`, `poke` and `struct` through the built binary: headless, as JSON, in the REPL,
/// and with the user's own definition files (a malformed one is reported, not fatal).
@Suite struct TypedViewsHeadlessTests {
    /// A config home of its own, so the user's definitions never change the results.
    final class ConfigHome {
        let path = NSTemporaryDirectory() + "hexmap-config-\(UUID().uuidString)"

        init(_ files: [String: String] = [:]) throws {
            let structs = path + "/hexmap/structs"
            try FileManager.default.createDirectory(atPath: structs, withIntermediateDirectories: true)
            for (name, text) in files {
                try Data(text.utf8).write(to: URL(fileURLWithPath: structs + "/" + name))
            }
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    private func hexmap(_ arguments: [String], config: ConfigHome, input: Data? = nil) throws -> ProcessResult {
        try HeadlessRun.program(
            "/usr/bin/env", ["XDG_CONFIG_HOME=\(config.path)", HeadlessRun.hexmapPath] + arguments, input: input)
    }

    static let gif: [UInt8] = Array("GIF89a".utf8) + [0x03, 0x00, 0x02, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x3B]

    @Test func inspectAndStructPrintLines() throws {
        let file = TemporaryFile(Self.gif)
        let result = try hexmap([file.path, "-r", "-c", "inspect 6", "-c", "struct gif"], config: try ConfigHome())
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 24 + 7)
        #expect(lines[0] == "binary: 00000011")
        #expect(lines[3] == "u16le: 3")
        #expect(lines[4] == "u16be: 768")
        #expect(lines[24] == "0x0  signature               char[3]  \"GIF\"")
        #expect(lines[26] == "0x6  width                   u16le    3")
    }

    @Test func jsonForms() throws {
        let file = TemporaryFile(Self.gif)
        let result = try hexmap(
            [file.path, "-r", "--json", "-c", "inspect $-1", "-c", "struct gif at 0"], config: try ConfigHome())
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n")
        #expect(lines.count == 2)
        let inspect = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(inspect["offset"] as? Int == 16)
        #expect(inspect["u8"] as? Int == 59)
        #expect(inspect["utf8"] as? String == "U+003B ';'")
        #expect(inspect["u16le"] is NSNull, "past the end is null")
        #expect(lines[0].hasPrefix(#"{"offset":16,"binary":"00111011","u8":59,"#), "keys in the design's order")
        let structure = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(structure["struct"] as? String == "gif")
        let fields = try #require(structure["fields"] as? [[String: Any]])
        #expect(
            fields.map { $0["name"] as? String } == [
                "signature", "version", "width", "height", "packed_fields", "background_color_index",
                "pixel_aspect_ratio",
            ])
        #expect(fields[2]["offset"] as? Int == 6)
        #expect(fields[2]["type"] as? String == "u16le")
        #expect(fields[2]["value"] as? Int == 3)
        #expect(fields[0]["value"] as? String == "GIF")
    }

    @Test func pokeWritesAndRangeErrorsChangeNothing() throws {
        let config = try ConfigHome()
        let file = TemporaryFile([UInt8](repeating: 0, count: 8))
        var result = try hexmap(
            [file.path, "-c", "poke u16be 0xbeef at 2", "-c", "poke f32le -2 at 4"], config: config)
        #expect(result.status == 0, "\(result.err)")
        #expect(file.bytes == [0x00, 0x00, 0xBE, 0xEF, 0x00, 0x00, 0x00, 0xC0])
        let before = file.bytes
        // Out of range: a syntax error, nothing runs.
        result = try hexmap([file.path, "-c", "poke u8 1", "-c", "poke u8 256"], config: config)
        #expect(result.status == 2)
        #expect(result.err == "-c:2:9: poke: 256 does not fit u8\n")
        // Past the end: a runtime error; the script's earlier poke is rolled back.
        result = try hexmap([file.path, "-c", "poke u8 1 at 0", "-c", "poke u32le 0 at $-2"], config: config)
        #expect(result.status == 1)
        #expect(result.err.contains("poke: 4 bytes at 0x6 run past the end of the file (size 8)"))
        #expect(file.bytes == before)
    }

    @Test func theReplKeepsADefinitionForTheSession() throws {
        let file = TemporaryFile([0x00, 0x02, 0x68, 0x69, 0xFF])
        let input = Data("struct define pstr u16be length, char[length] text\nstruct pstr\nstruct nope\n".utf8)
        let result = try hexmap([file.path, "--repl", "-r"], config: try ConfigHome(), input: input)
        #expect(result.out == "0x0  length  u16be    2\n0x2  text    char[2]  \"hi\"\n")
        #expect(
            result.err.hasPrefix(
                "error: struct: unknown struct 'nope' (known: bmp elf64 gif png_ihdr pstr wav zip_local)"))
        #expect(result.status == 1)
    }

    @Test func theUsersDefinitionFilesAndAMalformedOne() throws {
        let config = try ConfigHome([
            "chunk.struct": "# a RIFF chunk header\nchar[4] id\nu32le size\n",
            "broken.struct": "u8 a\nu24 b\n",
        ])
        let file = TemporaryFile(Array("RIFF".utf8) + [0x2C, 0x00, 0x00, 0x00])
        var result = try hexmap([file.path, "-r", "-c", "struct chunk"], config: config)
        #expect(result.status == 0, "hexmap goes on")
        #expect(result.out == "0x0  id    char[4]  \"RIFF\"\n0x4  size  u32le    44\n")
        let brokenPath = config.path + "/hexmap/structs/broken.struct"
        #expect(
            result.err
                == "hexmap: warning: struct definition left out: \(brokenPath):2:1: unknown type 'u24' (known: u8 i8 u16le u16be i16le i16be u32le u32be i32le i32be u64le u64be i64le i64be f32le f32be f64le f64be u8[N] char[N])\n"
        )
        result = try hexmap([file.path, "-r", "-c", "struct broken"], config: config)
        #expect(result.status == 1)
        #expect(result.err.contains("unknown struct 'broken'"))
        #expect(result.err.contains("broken.struct:2:1: unknown type 'u24'"), "the error says why")
        // A script without struct says nothing about the files.
        result = try hexmap([file.path, "-r", "-c", "print 0 4"], config: config)
        #expect(result.err == "")
    }

    @Test func helpListsTheTypedViews() throws {
        let result = try hexmap(["--help"], config: try ConfigHome())
        for usage in ["inspect [OFF]", "poke TYPE VALUE [at OFF]", "struct FIELDS [at OFF]", "inspector=on|off"] {
            #expect(result.out.contains(usage), "\(usage)")
        }
    }
}
