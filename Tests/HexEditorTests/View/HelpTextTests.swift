import Foundation
import Testing

@testable import HexEditor

@Suite("Help text")
struct HelpTextTests {
    @Test func resourcesHelpFileMatchesTheEmbeddedText() throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("Resources/help.txt"), encoding: .utf8)
        #expect(file == HelpText.text + "\n")
    }

    @Test func helpNamesEveryCommandOfTheLanguage() {
        for command in [
            "goto", "patch", "fill", "insert", "delete", "print", "find", "sync", "advise", "resize", "undo",
            "redo", "info", "follow", "set columns", "help", "q!", "wq",
        ] {
            #expect(HelpText.text.contains(" \(command)"), "help misses \(command)")
        }
    }

    @Test func helpFitsAnEightyColumnTerminalAndIsASCII() {
        for line in HelpText.lines {
            #expect(line.count <= 80, "too wide: \(line)")
            #expect(line.allSatisfy { $0.isASCII })
        }
    }
}
