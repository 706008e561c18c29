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
}
