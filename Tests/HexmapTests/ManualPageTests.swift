import Foundation
import HexEditor
import Testing

@testable import hexmap

@Suite("Manual page")
struct ManualPageTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let page = ManualPage.text(date: "2025-06-01")

    /// `Resources/hexmap.1` is generated (the commands from the table, the keys from the help
    /// text, the options from the option table). When it is stale, the test writes the new page
    /// there and fails: look, then run again. The page's date is the day its text last
    /// changed: the file's own date is kept while the rest is the same; a new page gets today's.
    @Test func resourcesManualPageIsTheGeneratedPage() throws {
        let url = Self.root.appendingPathComponent("Resources/hexmap.1")
        let file = try String(contentsOf: url, encoding: .utf8)
        if file != ManualPage.text(date: ManualPage.date(of: file) ?? "") {
            let today = Date.now.formatted(.iso8601.year().month().day())
            try ManualPage.text(date: today).write(to: url, atomically: true, encoding: .utf8)
            Issue.record("Resources/hexmap.1 was stale and has been regenerated; check it and run the test again")
        }
    }

    @Test func theDateIsReadBackFromThePage() {
        #expect(ManualPage.date(of: ManualPage.text(date: "2025-06-01")) == "2025-06-01")
        #expect(ManualPage.date(of: "no title line") == nil)
    }

    /// The page with the source lines of each run of text joined again (filled text is broken
    /// into lines of at most 80 bytes).
    static let flowing: String = {
        var result = ""
        for line in page.split(separator: "\n") {
            let isText = !line.hasPrefix(".")
            result += (isText && !result.isEmpty && !result.hasSuffix("\n") ? " " : "") + line
            if !isText { result += "\n" }
        }
        return result
    }()

    @Test func everyCommandSettingAndKeyOfTheHelpIsOnThePage() {
        for declaration in CommandTable.all {
            #expect(Self.page.contains(".TP\n" + Roff.usage(declaration.usage)), "the page misses \(declaration.name)")
            #expect(
                Self.flowing.contains(Roff.prose(declaration.summary)), "the page misses what \(declaration.name) does")
            #expect(
                Self.flowing.contains(Roff.bold(declaration.example)), "the page misses \(declaration.name)'s example")
        }
        for setting in Settings.all {
            #expect(Self.page.contains(".TP\n" + Roff.usage("\(setting.name)=\(setting.valuesUsage)")))
        }
        for section in HelpText.keySections {
            for item in section.items {
                switch item {
                case .entry(let keys, let text):
                    #expect(Self.page.contains(".TP\n" + Roff.bold(keys) + "\n"), "the page misses the keys \(keys)")
                    #expect(Self.flowing.contains(Roff.prose(text)), "the page misses what \(keys) do")
                case .note(let text):
                    #expect(Self.flowing.contains(Roff.prose(text)), "the page misses \(text)")
                }
            }
        }
    }

    @Test func filledTextBreaksAfterSentencesAndBeforeEightyBytes() {
        var page = RoffPage()
        let words = (1...40).map { "word\($0)" }.joined(separator: " ")
        page.filled("First. " + words + " end. .dot")
        #expect(page.lines.first == "First.")
        #expect(page.lines.dropFirst().allSatisfy { $0.utf8.count <= RoffPage.width && !$0.hasPrefix(".") })
        #expect(page.lines.last == "\\&.dot")
        #expect(page.lines.joined(separator: " ") == "First. " + words + " end. \\&.dot")
    }

    @Test func everyOptionOfTheCommandLineIsOnThePage() {
        let page = Self.page
        let spellings = [
            "-c", "-s", "-r", "--private", "--create", "--json", "--no-rollback", "--no-sync", "--watch", "--repl",
            "--recover", "--force", "--help", "--generate-completion-script",
        ]
        for spelling in spellings {
            #expect(
                page.contains("\n.TP\n" + Roff.bold(spelling)) || page.contains(", " + Roff.bold(spelling)),
                "\(spelling)")
        }
        // Read from the option table: a value name and the help text come along.
        let create = ManualOption.editOptions.first { $0.names == ["--create"] }
        #expect(create?.valueName == "SIZE")
        #expect(create?.text.hasPrefix("Create FILE") == true)
        // And every xxd option of the dump's usage summary.
        let dump = ManualOption.dumpOptions()
        #expect(dump.map(\.names).contains(["-r -s"]))
        #expect(dump.first { $0.names == ["-c"] }?.valueName == "cols")
        #expect(dump.count == XXDUsageError.usage.split(separator: "\n").filter { $0.hasPrefix("    -") }.count)
    }

    @Test func roffSpecialsAreEscaped() {
        #expect(Roff.prose(#"a\b"#) == #"a\eb"#)
        #expect(Roff.prose("read-only, -c and --json, $-16") == #"read-only, \-c and \-\-json, $\-16"#)
        #expect(Roff.code("read-only") == #"read\-only"#)
        #expect(Roff.prose("'a `q` ~/x ^") == #"\(aqa \(gaq\(ga \(ti/x \(ha"#)
        #expect(Roff.prose("caf\u{e9}") == #"caf\[u00E9]"#)
        #expect(Roff.line(".hidden") == #"\&.hidden"#)
        #expect(Roff.argument(#"say "x""#) == #""say \(dqx\(dq""#)
        #expect(
            Roff.usage("find PATTERN [from OFF] [all | count]")
                == #"\fBfind\fR \fIPATTERN\fR [\fBfrom\fR\~\fIOFF\fR] [\fBall\fR\~|\~\fBcount\fR]"#)
        #expect(Roff.usage("[-C] [-c COLS]...") == #"[\fB\-C\fR] [\fB\-c\fR\~\fICOLS\fR]..."#)
    }

    @Test func noLineOfThePageIsReadAsARequestByMistake() {
        // Requests are the lines the generator wrote as requests; every text line is safe.
        for line in Self.page.split(separator: "\n") where line.hasPrefix(".") {
            let name = line.dropFirst().prefix { !$0.isWhitespace }
            #expect(
                ["\\\"", "TH", "SH", "SS", "PP", "TP", "SY", "YS", "RS", "RE", "EX", "EE", "BR", "br"].contains(
                    String(name)),
                "unexpected request: \(line)")
        }
        #expect(!Self.page.contains("\n\n"), "a blank line in fill mode")
        #expect(!Self.page.split(separator: "\n").contains { $0.hasSuffix(" ") }, "trailing space")
    }

    /// groff's own check, where groff is installed: no warning of any kind.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/groff")))
    func groffFormatsThePageWithoutAWarning() throws {
        let (status, messages) = try Self.run("/usr/bin/groff", ["-man", "-Tutf8", "-ww", "-z"], input: Self.page)
        #expect(status == 0)
        #expect(messages == "")
    }

    /// mandoc's check, where mandoc is installed: no warning (its style notes, such as a
    /// source line over 80 bytes where there is no space to break at, are allowed).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/mandoc")))
    func mandocFindsNoWarningInThePage() throws {
        let (status, messages) = try Self.run("/usr/bin/mandoc", ["-Tlint", "-W", "warning"], input: Self.page)
        #expect(status == 0)
        #expect(messages == "")
    }

    /// Runs `tool` with `text` on its standard input; its exit status and standard error.
    static func run(_ tool: String, _ arguments: [String], input text: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, messages)
    }
}
