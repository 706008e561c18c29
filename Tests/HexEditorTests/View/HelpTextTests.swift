import Foundation
import Testing

@testable import HexEditor

@Suite("Help text")
struct HelpTextTests {
    /// `Resources/help.txt` is generated from the help text (the command part from the table).
    /// When it is stale, the test writes the new text there and fails: look, then run again.
    @Test func resourcesHelpFileIsTheGeneratedText() throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let url = root.appendingPathComponent("Resources/help.txt")
        let file = try String(contentsOf: url, encoding: .utf8)
        let generated = HelpText.text + "\n"
        if file != generated {
            try generated.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("Resources/help.txt was stale and has been regenerated; check it and run the test again")
        }
    }

    @Test func helpNamesEveryCommandAndSettingOfTheTable() {
        // Summaries wrap: compare with the help's words run together.
        let words = HelpText.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for declaration in CommandTable.all {
            #expect(HelpText.text.contains(" " + declaration.usage), "help misses \(declaration.name)")
            #expect(words.contains(declaration.summary), "help misses what \(declaration.name) does")
        }
        for setting in Settings.all {
            #expect(HelpText.text.contains("\(setting.name)=\(setting.valuesUsage)"))
        }
    }

    @Test func helpFitsAnEightyColumnTerminalAndIsASCII() {
        for line in HelpText.lines {
            #expect(line.count <= 80, "too wide: \(line)")
            #expect(line.allSatisfy { $0.isASCII })
        }
    }

    /// The man page reads the keys back from the help's two columns: every word of the key
    /// sections lands in an entry or a note, in order, and the shapes read as written.
    @Test func keySectionsReadTheHelpsColumnsBack() throws {
        let sections = HelpText.keySections
        #expect(!sections.contains { $0.title.hasPrefix("COMMANDS") })
        let moving = try #require(sections.first)
        #expect(moving.title == "MOVING (normal mode)")
        #expect(moving.items.first == .entry(keys: "h j k l, arrows", text: "byte left, row down, row up, byte right"))
        let all = sections.flatMap(\.items)
        // A continuation joins its entry; keys too long for their column stand on their own line.
        #expect(
            all.contains(
                .entry(
                    keys: "R",
                    text:
                        "overwrite mode: hex digits in the hex pane, text in the text pane; the cursor advances; Esc leaves it"
                )))
        #expect(
            all.contains {
                if case .entry(":fill BYTE, :delete, :yank, :print, :find", let text) = $0 {
                    text.hasPrefix("with a selection")
                } else {
                    false
                }
            })
        // Prose at column 2 is a note, its lines one paragraph.
        #expect(all.contains(.note("SIGTERM, SIGINT, SIGHUP leave as :q! does (unsynced edits rolled back)")))
        #expect(
            all.contains {
                if case .note(let text) = $0 {
                    text.hasPrefix("Bytes another process changed") && text.hasSuffix("opens the new file).")
                } else {
                    false
                }
            })
        for case .entry(let keys, let text) in all {
            #expect(!keys.isEmpty && !text.isEmpty && !keys.contains("  ") && !text.contains("  "), "\(keys): \(text)")
        }

        var helpWords: [Substring] = []
        var inCommands = false
        for line in HelpText.lines.dropFirst() {
            if let first = line.first, first != " " { inCommands = line.hasPrefix("COMMANDS") }
            if !inCommands { helpWords += line.split(separator: " ") }
        }
        var readWords: [Substring] = []
        for section in sections {
            readWords += section.title.split(separator: " ")
            for item in section.items {
                switch item {
                case .entry(let keys, let text): readWords += keys.split(separator: " ") + text.split(separator: " ")
                case .note(let text): readWords += text.split(separator: " ")
                }
            }
        }
        #expect(readWords == helpWords)
    }
}
