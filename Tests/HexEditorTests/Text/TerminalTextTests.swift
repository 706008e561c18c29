import HexEditor
import SystemPackage
import Testing

/// Paths and words from outside reach the terminal as visible characters, never as controls.
struct TerminalTextTests {
    @Test func printableNamesStayAsTheyAre() {
        #expect(TerminalText.path(FilePath("/tmp/dir/été.bin")) == "/tmp/dir/été.bin")
        #expect(TerminalText.escaped("plain text, 100%") == "plain text, 100%")
    }

    @Test func escapeSequencesBecomeVisible() {
        let evil = "evil\u{1B}]0;PWNFILE\u{07}\u{1B}[2J.bin"
        #expect(TerminalText.path(FilePath(evil)) == "evil\\e]0;PWNFILE\\x07\\e[2J.bin")
        #expect(TerminalText.escaped(evil) == "evil\\e]0;PWNFILE\\x07\\e[2J.bin")
        #expect(TerminalText.escaped("a\u{9B}b\u{7F}c\u{202E}d\nend") == "a\\u{9b}b\\x7fc\\u{202e}d\\nend")
    }

    @Test func bytesThatAreNotUTF8ShowAsHex() {
        let name: [UInt8] = Array("lat1".utf8) + [0xE9] + Array(".bin".utf8)
        let path = name.withUnsafeBufferPointer { buffer in
            FilePath(platformString: Array(buffer.map { CChar(bitPattern: $0) } + [0]))
        }
        #expect(TerminalText.path(path) == "lat1\\xe9.bin")
        #expect(TerminalText.escaped(bytes: [0x41, 0xC3, 0xA9, 0xFF, 0xC3]) == "Aé\\xff\\xc3")
    }

    @Test func backslashesDoubleInPathsOnly() {
        #expect(TerminalText.path(FilePath("a\\b")) == "a\\\\b")
        #expect(TerminalText.escaped("bad escape \\q") == "bad escape \\q")
    }
}
