import Foundation
import Testing

/// The panels under tmux: another process writes under an open inspector and struct panel,
/// and both show the new values without a key, the changed field highlighted.
@Suite(
    "Typed views under tmux",
    .enabled(if: TmuxSession.isTmuxInstalled, "tmux is not installed: the interactive end-to-end tests need it"))
struct TypedViewsTUITests {
    /// An ELF64 header (x86-64) and then 4 KiB of counting bytes.
    static var elf: [UInt8] {
        var header: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + [UInt8](repeating: 0, count: 8)
        let words: [(UInt64, Int)] = [
            (3, 2), (62, 2), (1, 4), (0x1040, 8), (64, 8), (0x3000, 8), (0, 4), (64, 2), (56, 2), (11, 2), (64, 2),
            (30, 2), (29, 2),
        ]
        for (value, size) in words { header += (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        return header + (0..<4096).map { UInt8(truncatingIfNeeded: $0) }
    }

    @Test(.timeLimit(.minutes(2)))
    func anotherProcessWritesUnderBothPanels() throws {
        let scratch = try ScratchDirectory()
        let config = scratch.url.appendingPathComponent("config").path
        let path = try scratch.file("typed.elf", bytes: Self.elf)
        let tmux = try TmuxSession(arguments: [path], width: 160, height: 50, environment: ["XDG_CONFIG_HOME": config])
        try tmux.waitFor("typed.elf  4.1 KiB")
        try tmux.type("I")
        try tmux.waitFor("inspector  0x00000000 (0)")
        try tmux.type(":struct elf64 at 0")
        try tmux.press("Enter")
        var screen = try tmux.waitFor { $0.contains("elf64 at 0x00000000") && $0.contains("e_shstrndx") }
        #expect(screen.contains("0x3c e_shnum     u16le  30"), "\(screen)")
        // The cursor away from the struct, on bytes 00 01 02 03 of the counting tail.
        try tmux.type(":0x840")
        try tmux.press("Enter")
        screen = try tmux.waitFor("inspector  0x00000840 (2112)")
        #expect(screen.contains("u32be    66051"))

        // Another process changes e_shnum and the four bytes under the cursor.
        try OtherWriter.write([0x2A, 0x00], at: 0x3C, to: path)
        try OtherWriter.write([0xDE, 0xAD, 0xBE, 0xEF], at: 0x840, to: path)
        screen = try tmux.waitFor { $0.contains("e_shnum     u16le  42") && $0.contains("u32be    3735928559") }
        #expect(screen.contains("e_shnum     u16le  42"), "\(screen)")
        #expect(screen.contains("u32be    3735928559"), "\(screen)")
        // The changed field's value has the highlight colour (yellow background), the others not.
        let colored = try tmux.capture(escapes: true)
        let shnumLine = try #require(colored.split(separator: "\n").first { $0.contains("e_shnum") })
        #expect(shnumLine.contains("43m42") || shnumLine.contains(";43m42"), "\(shnumLine)")
        let phnumLine = try #require(colored.split(separator: "\n").first { $0.contains("e_phnum") })
        #expect(!phnumLine.contains("43m"), "\(phnumLine)")
        // The highlight fades; the values stay.
        screen = try tmux.waitFor(timeout: 5) { !$0.contains("changed") }
        let faded = try tmux.capture(escapes: true)
        let fadedLine = try #require(faded.split(separator: "\n").first { $0.contains("e_shnum") })
        #expect(!fadedLine.contains("43m"), "\(fadedLine)")

        // :struct off closes the panel; I hides the inspector; the editor quits cleanly.
        try tmux.type(":struct off")
        try tmux.press("Enter")
        try tmux.waitFor { !$0.contains("elf64 at 0x") }
        try tmux.type("I")
        try tmux.waitFor { !$0.contains("inspector  0x") }
        try tmux.type(":q")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("hexmap-exit=").contains("hexmap-exit=0"))
    }

    @Test(.timeLimit(.minutes(2)))
    func theInspectorBelowThePanesOnAnEightyByTwentyFourTerminal() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("small.bin", bytes: Self.elf)
        let tmux = try TmuxSession(
            arguments: [path], width: 80, height: 24, environment: ["XDG_CONFIG_HOME": scratch.url.path])
        try tmux.waitFor("small.bin")
        try tmux.type(":set inspector on")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("inspector  0x00000000 (0)")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[8].hasPrefix("00000080  "), "nine rows of the panes, sixteen bytes a row")
        #expect(lines[9].hasPrefix(" inspector"))
        #expect(lines[10].hasPrefix("binary   01111111"))
        #expect(lines[10].contains("u64be    9170820079774925056"))
        #expect(lines[22].contains("small.bin  4.1 KiB  0x00000000 (0)"))
        try tmux.type(":q")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("hexmap-exit=").contains("hexmap-exit=0"))
    }
}
