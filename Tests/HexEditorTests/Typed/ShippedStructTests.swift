import Foundation
import TestSupport
import Testing

@testable import HexEditor

/// The definitions hexmap ships: the same text compiled in and in `Resources/structs/`, and
/// each laid over a real file of its format (the toolchain's ELF, files built here byte by byte).
@Suite struct ShippedStructTests {
    static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources/structs")

    /// The compiled-in text is the file's. When a file is stale the test rewrites it from the
    /// Swift text and fails: look at the difference, then run again.
    @Test func embeddedTextIsTheResourceFiles() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.resources.path).filter {
            $0.hasSuffix(".struct")
        }
        #expect(Set(onDisk) == Set(ShippedStructs.files.map { $0.name + ".struct" }))
        for (name, text) in ShippedStructs.files {
            let url = Self.resources.appendingPathComponent(name + ".struct")
            if (try? String(contentsOf: url, encoding: .utf8)) != text {
                try text.write(to: url, atomically: true, encoding: .utf8)
                Issue.record(
                    "Resources/structs/\(name).struct was stale and has been rewritten; check it and run again")
            }
        }
    }

    @Test func everyShippedDefinitionParses() {
        for (name, text) in ShippedStructs.files {
            guard case .success = StructLibrary.parse(text: Array(text.utf8), path: name) else {
                Issue.record("\(name) does not parse")
                continue
            }
            #expect(StructLibrary.load(directory: nil).definition(named: name) != nil)
        }
        #expect(ShippedStructs.files.map(\.name) == ["elf64", "zip_local", "gif", "bmp", "wav", "png_ihdr"])
    }

    /// `struct NAME at OFF` on a file holding `bytes`, read with the shipped definitions only.
    private func shown(_ name: String, _ bytes: [UInt8], at offset: Int = 0) throws -> [String] {
        let file = TemporaryFile(bytes, name: name)
        return try shown(name, path: file.path, at: offset)
    }

    private func shown(_ name: String, path: String, at offset: Int = 0) throws -> [String] {
        let document = try Document(path: path, readOnly: true)
        defer { document.close() }
        let interpreter = CommandInterpreter(document: document)
        interpreter.structLibrary = StructLibrary.load(directory: nil)
        let sink = CollectingSink()
        interpreter.outputSink = sink
        _ = try interpreter.run(line: "struct \(name) at \(offset)", context: CommandContext(cursor: 0))
        return sink.lines
    }

    /// The value column of the line for `field`.
    private func value(_ lines: [String], _ field: String) -> String? {
        for line in lines {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            if parts.count >= 4, parts[1] == field { return parts[3...].joined(separator: " ") }
        }
        return nil
    }

    /// The toolchain's own driver (or, failing that, this test binary: the toolchain built it).
    private static var toolchainELF: String {
        for candidate in ["/opt/swift/usr/bin/swift", "/usr/bin/swift"] {
            let resolved = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
            if FileManager.default.fileExists(atPath: resolved) { return resolved }
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
    }

    @Test func elf64OnTheToolchainsDriver() throws {
        let path = Self.toolchainELF
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let lines = try shown("elf64", path: path)
        #expect(lines.count == 14)
        #expect(
            value(lines, "e_ident")?.hasPrefix("7f 45 4c 46 02 01 01") == true, "ELF, 64-bit, little-endian, version 1")
        #expect(["2", "3"].contains(value(lines, "e_type")), "an executable or a PIE")
        #if arch(x86_64)
        #expect(value(lines, "e_machine") == "62")
        #elseif arch(arm64)
        #expect(value(lines, "e_machine") == "183")
        #endif
        #expect(value(lines, "e_version") == "1")
        #expect(value(lines, "e_ehsize") == "64")
        #expect(value(lines, "e_phentsize") == "56")
        #expect(value(lines, "e_shentsize") == "64")
        let shoff = try #require(Int(value(lines, "e_shoff") ?? ""))
        let shnum = try #require(Int(value(lines, "e_shnum") ?? ""))
        let shstrndx = try #require(Int(value(lines, "e_shstrndx") ?? ""))
        #expect(shoff + shnum * 64 <= size && shstrndx < shnum)
        #expect(lines[0].hasPrefix("0x0 ") && lines[13].hasPrefix("0x3e "), "the header's 64 bytes, field by field")
        // readelf, where it is installed, reads the same header.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/readelf") {
            let readelf = Process()
            readelf.executableURL = URL(fileURLWithPath: "/usr/bin/readelf")
            readelf.arguments = ["-h", path]
            let pipe = Pipe()
            readelf.standardOutput = pipe
            try readelf.run()
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            readelf.waitUntilExit()
            #expect(text.contains("Number of section headers:         \(shnum)\n"))
            #expect(text.contains("Start of section headers:          \(shoff) (bytes into file)"))
            #expect(text.contains("Number of program headers:         \(value(lines, "e_phnum") ?? "?")\n"))
            let entry = String(Int(value(lines, "e_entry") ?? "") ?? -1, radix: 16)
            #expect(text.contains("Entry point address:               0x\(entry)\n"))
        }
    }

    @Test func zipLocalOnAZipWrittenHere() throws {
        let zip = TestZip(name: "hello.txt", contents: Array("hello, zip\n".utf8))
        let file = TemporaryFile(zip.bytes, name: "zip")
        #expect(
            try shown("zip_local", path: file.path) == [
                "0x0   signature                  u32le    67324752",
                "0x4   version_needed_to_extract  u16le    10",
                "0x6   general_purpose_bit_flag   u16le    0",
                "0x8   compression_method         u16le    0",
                "0xa   last_mod_file_time         u16le    24576",
                "0xc   last_mod_file_date         u16le    22705",
                "0xe   crc_32                     u32le    3413260315",
                "0x12  compressed_size            u32le    11",
                "0x16  uncompressed_size          u32le    11",
                "0x1a  file_name_length           u16le    9",
                "0x1c  extra_field_length         u16le    9",
                "0x1e  file_name                  char[9]  \"hello.txt\"",
                "0x27  extra_field                u8[9]    55 54 05 00 01 80 3a 47 66",
            ])
        // It is a real zip: unzip, where it is installed, tests it and finds the CRC right.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") {
            let unzip = Process()
            unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
            unzip.arguments = ["-t", file.path]
            unzip.standardOutput = FileHandle.nullDevice
            unzip.standardError = FileHandle.nullDevice
            try unzip.run()
            unzip.waitUntilExit()
            #expect(unzip.terminationStatus == 0)
        }
    }

    @Test func gifBuiltByteByByte() throws {
        // A 3x2 logical screen with a two-colour global table and one 1x1 image.
        let gif: [UInt8] =
            Array("GIF89a".utf8) + [0x03, 0x00, 0x02, 0x00, 0x80, 0x00, 0x00]
            + [0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00]
            + [0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B]
        #expect(
            try shown("gif", gif) == [
                "0x0  signature               char[3]  \"GIF\"",
                "0x3  version                 char[3]  \"89a\"",
                "0x6  width                   u16le    3",
                "0x8  height                  u16le    2",
                "0xa  packed_fields           u8       128",
                "0xb  background_color_index  u8       0",
                "0xc  pixel_aspect_ratio      u8       0",
            ])
    }

    @Test func bmpBuiltByteByByte() throws {
        // 2x1 pixels, 24 bits, top-down (a negative height), rows padded to four bytes.
        var bmp: [UInt8] = Array("BM".utf8) + le32(62) + [0, 0, 0, 0] + le32(54)
        bmp += le32(40) + le32(2) + le32(UInt32(bitPattern: -1)) + [1, 0, 24, 0] + le32(0) + le32(8)
        bmp += le32(2835) + le32(2835) + le32(0) + le32(0)
        bmp += [0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00]
        #expect(bmp.count == 62)
        #expect(
            try shown("bmp", bmp) == [
                "0x0   bfType           char[2]  \"BM\"",
                "0x2   bfSize           u32le    62",
                "0x6   bfReserved1      u16le    0",
                "0x8   bfReserved2      u16le    0",
                "0xa   bfOffBits        u32le    54",
                "0xe   biSize           u32le    40",
                "0x12  biWidth          i32le    2",
                "0x16  biHeight         i32le    -1",
                "0x1a  biPlanes         u16le    1",
                "0x1c  biBitCount       u16le    24",
                "0x1e  biCompression    u32le    0",
                "0x22  biSizeImage      u32le    8",
                "0x26  biXPelsPerMeter  i32le    2835",
                "0x2a  biYPelsPerMeter  i32le    2835",
                "0x2e  biClrUsed        u32le    0",
                "0x32  biClrImportant   u32le    0",
            ])
    }

    @Test func wavBuiltByteByByte() throws {
        // Mono, 8000 Hz, 16-bit PCM, four samples.
        var wav: [UInt8] = Array("RIFF".utf8) + le32(44) + Array("WAVEfmt ".utf8) + le32(16)
        wav += [1, 0, 1, 0] + le32(8000) + le32(16000) + [2, 0, 16, 0]
        wav += Array("data".utf8) + le32(8) + [0x00, 0x00, 0xFF, 0x7F, 0x00, 0x80, 0x00, 0x00]
        #expect(wav.count == 52)
        #expect(
            try shown("wav", wav) == [
                "0x0   ChunkID        char[4]  \"RIFF\"",
                "0x4   ChunkSize      u32le    44",
                "0x8   Format         char[4]  \"WAVE\"",
                "0xc   Subchunk1ID    char[4]  \"fmt \"",
                "0x10  Subchunk1Size  u32le    16",
                "0x14  AudioFormat    u16le    1",
                "0x16  NumChannels    u16le    1",
                "0x18  SampleRate     u32le    8000",
                "0x1c  ByteRate       u32le    16000",
                "0x20  BlockAlign     u16le    2",
                "0x22  BitsPerSample  u16le    16",
                "0x24  Subchunk2ID    char[4]  \"data\"",
                "0x28  Subchunk2Size  u32le    8",
            ])
    }

    @Test func pngIHDRBuiltByteByByte() throws {
        // 640x480, 8-bit RGBA; the CRC covers the chunk type and data (902946020, as zlib says).
        let ihdr: [UInt8] = Array("IHDR".utf8) + be32(640) + be32(480) + [8, 6, 0, 0, 0]
        #expect(crc32(ihdr) == 902_946_020)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + ihdr + be32(crc32(ihdr))
        #expect(
            try shown("png_ihdr", png) == [
                "0x0   signature           u8[8]    89 50 4e 47 0d 0a 1a 0a",
                "0x8   length              u32be    13",
                "0xc   chunk_type          char[4]  \"IHDR\"",
                "0x10  width               u32be    640",
                "0x14  height              u32be    480",
                "0x18  bit_depth           u8       8",
                "0x19  colour_type         u8       6",
                "0x1a  compression_method  u8       0",
                "0x1b  filter_method       u8       0",
                "0x1c  interlace_method    u8       0",
                "0x1d  crc                 u32be    902946020",
            ])
    }
}

func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
func be32(_ value: UInt32) -> [UInt8] { le32(value).reversed() }

/// CRC-32 (ISO-HDLC, as zip and PNG use it), bit by bit.
func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
}

/// A one-file zip archive, stored (not compressed), written field by field after APPNOTE.TXT:
/// a local file header with an extended-timestamp extra field, the data, the central
/// directory and its end record.
struct TestZip {
    let bytes: [UInt8]

    init(name: String, contents: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = crc32(contents)
        let time: UInt16 = 12 << 11  // 12:00:00
        let date: UInt16 = (2024 - 1980) << 9 | 5 << 5 | 17  // 2024-05-17
        let extra: [UInt8] = [0x55, 0x54, 0x05, 0x00, 0x01, 0x80, 0x3A, 0x47, 0x66]
        var local: [UInt8] = le32(0x0403_4B50) + le16(10) + le16(0) + le16(0) + le16(time) + le16(date)
        local += le32(crc) + le32(UInt32(contents.count)) + le32(UInt32(contents.count))
        local += le16(UInt16(nameBytes.count)) + le16(UInt16(extra.count)) + nameBytes + extra + contents
        var central: [UInt8] = le32(0x0201_4B50) + le16(0x031E) + le16(10) + le16(0) + le16(0) + le16(time) + le16(date)
        central += le32(crc) + le32(UInt32(contents.count)) + le32(UInt32(contents.count))
        central +=
            le16(UInt16(nameBytes.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0o100644 << 16) + le32(0)
        central += nameBytes
        let end: [UInt8] =
            le32(0x0605_4B50) + le16(0) + le16(0) + le16(1) + le16(1) + le32(UInt32(central.count))
            + le32(UInt32(local.count)) + le16(0)
        bytes = local + central + end
    }
}
