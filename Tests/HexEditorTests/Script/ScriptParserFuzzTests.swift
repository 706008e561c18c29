import TestSupport
import Testing

@testable import HexEditor

/// Random and mutated scripts: the parser never crashes, every error points inside the script,
/// and nothing a script does (parsed or not) reaches the file when it is opened read-only.
@Suite struct ScriptParserFuzzTests {
    static let seeds: [String] = [
        "goto 0x10", "goto +4", "goto $-1", "patch 0 de ad be ef", "patch $-2 \"hi\"", "fill 0 4 ff",
        "fill 1 $-2 \"A\"", "insert 2 00 \"x\\n\"", "delete 1 2", "print", "print 0 $", "print 3 0x10",
        "find \"PNG\" from 0 all", "find 7f454c46", "sync", "sync async", "w", "advise willneed 0 4k",
        "resize 64", "resize $-1", "undo", "redo", "info", "follow on", "set columns=8", "help",
        "reopen", "# comment", ":patch 0 \"\\x00\\\\\\\"\"", "q", "wq", "q!",
    ]

    /// Bytes that matter to the lexer and parser, plus a few that must be refused.
    static let alphabet: [UInt8] = Array(" \t\"\\#:$-+0123456789abcdefxkmgADFXZ!\r=é".utf8) + [0, 0xFF, 0xC3, 0x80]

    static func mutate(_ line: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = line
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let choice = Int.random(in: 0..<4, using: &random)
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
            let byte = alphabet.randomElement(using: &random)!
            switch choice {
            case 0: bytes.insert(byte, at: position)
            case 1 where position < bytes.count: bytes.remove(at: position)
            case 2 where position < bytes.count: bytes[position] = byte
            default:
                let other = Array(seeds.randomElement(using: &random)!.utf8)
                bytes.insert(contentsOf: other.prefix(Int.random(in: 0...other.count, using: &random)), at: position)
            }
        }
        return bytes
    }

    static func randomLine(using random: inout SplitMix64) -> [UInt8] {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return Array(seeds.randomElement(using: &random)!.utf8)
        case 1, 2: return mutate(Array(seeds.randomElement(using: &random)!.utf8), using: &random)
        default: break
        }
        return (0..<Int.random(in: 0...24, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
    }

    @Test func parserSurvivesRandomAndMutatedLines() {
        var random = SplitMix64(seed: 0x5EED_0001)
        var parsed = 0
        var rejected = 0
        for _ in 0..<300_000 {
            let line = Self.randomLine(using: &random)
            do {
                if try CommandParser.parse(bytes: line, lineNumber: 1) != nil { parsed += 1 }
            } catch {
                rejected += 1
                // The column points into the line or just past its end; the message says something.
                let characters = String(decoding: line, as: UTF8.self).unicodeScalars.count
                if error.column < 1 || error.column > characters + 2 || error.message.isEmpty || error.line != 1 {
                    Issue.record("bad error \(error) for \(line)")
                    return
                }
            }
        }
        // Both sides are exercised, so the fuzz explores more than one path.
        #expect(parsed > 60_000)
        #expect(rejected > 60_000)
    }

    @Test func scriptsThatFailToParseRunNothingAndParsedOnesNeverEditAReadOnlyFile() throws {
        var random = SplitMix64(seed: 0x5EED_0002)
        let original = Array("\u{89}PNG\r\n\u{1A}\n some content to find and print and patch".utf8)
        let file = TemporaryFile(original)
        let document = try Document(path: file.path, readOnly: true)
        let sink = CollectingSink()
        var syntaxErrors = 0
        var runtimeErrors = 0
        for _ in 0..<20_000 {
            var text: [UInt8] = []
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                text += Self.randomLine(using: &random) + [0x0A]
            }
            let script: Script
            do {
                script = try Script.parse(text, name: "fuzz")
            } catch {
                syntaxErrors += 1
                continue
            }
            let runner = ScriptRunner(
                document: document, output: sink, options: .init(json: Bool.random(using: &random)))
            if runner.run(script) != .succeeded { runtimeErrors += 1 }
            sink.bytes.removeAll(keepingCapacity: true)
        }
        #expect(syntaxErrors > 1000)
        #expect(runtimeErrors > 300)
        #expect(file.bytes == original)
    }
}
