import Testing

@testable import HexEditor

/// The table is the language: every command has its help, an example that parses back to
/// it, and a grammar whose keywords Tab completion offers.
@Suite struct CommandTableTests {
    @Test(arguments: CommandTable.all.map(\.name))
    func everyCommandIsDeclaredWhole(name: String) throws {
        let declaration = try #require(CommandTable.declaration(named: name))
        #expect(!declaration.summary.isEmpty)
        #expect(declaration.usage.hasPrefix(declaration.name))
        let example = try #require(try CommandParser.parse(line: declaration.example), "the example is a command")
        #expect(example.name == declaration.name)
        let again = try CommandParser.parse(line: example.text)
        #expect(again == example, "\(declaration.example) -> \(example.text) round-trips")
        #expect(CommandHelp.lines(for: declaration).contains("usage: \(declaration.usage)"))
        for alias in declaration.names {
            #expect(CommandTable.declaration(named: alias)?.name == declaration.name)
        }
    }

    @Test func everyNameIsUnique() {
        let names = CommandTable.all.flatMap(\.names)
        #expect(Set(names).count == names.count)
    }

    @Test func everyKeywordAndChoiceIsCompleted() {
        for declaration in CommandTable.all {
            let grammar = declaration.grammar
            for option in grammar.options {
                let (_, words) = CommandCompletion.candidates(
                    for: sampleStart(declaration) + String(option.keyword.prefix(1)))
                #expect(words.contains(option.keyword), "\(declaration.name) offers \(option.keyword)")
            }
            if let first = grammar.positionals.first, case .choice(let choices) = first.kind {
                let (_, words) = CommandCompletion.candidates(for: declaration.name + " ")
                #expect(Set(choices).isSubset(of: Set(words)))
            }
        }
    }

    /// The command and its required positionals, ready for an option keyword.
    private func sampleStart(_ declaration: CommandDeclaration) -> String {
        var text = declaration.name + " "
        for parameter in declaration.grammar.positionals where !parameter.optional {
            switch parameter.kind {
            case .bytes, .byte: text += "00 "
            case .choice(let words): text += words[0] + " "
            default: text += "1 "
            }
        }
        return text
    }
}

@Suite struct CommandCompletionTests {
    private func complete(_ line: String) -> [String] {
        CommandCompletion.candidates(for: line).words
    }

    @Test func commandNamesFirst() {
        #expect(complete("fi") == ["fill", "find"])
        #expect(complete(":fo") == ["follow"])
        #expect(complete("q") == ["q", "q!", "quit", "quit!"])
        #expect(complete("zz").isEmpty)
    }

    @Test func thenWhatTheGrammarAllows() {
        #expect(complete("find 00 ") == ["all", "back", "count", "from", "to"])
        #expect(complete("find 00 all ") == ["back", "from", "to"], "count goes with all no more")
        #expect(complete("advise w") == ["willneed"])
        #expect(complete("follow ") == ["off", "on"])
        #expect(complete("sync a") == ["async"])
        #expect(complete("help fi") == ["fill", "find"])
        #expect(complete("set c") == ["clipboard", "clipboard=", "colors", "colors=", "columns", "columns="])
        #expect(complete("patch 0 \"fi").isEmpty, "nothing to complete inside a string")
    }

    @Test func settingValuesAfterTheEqualsSign() {
        let (start, words) = CommandCompletion.candidates(for: "set columns=a")
        #expect(words == ["auto"])
        #expect(start == "set columns=".count)
    }

    @Test func commonPrefix() {
        #expect(CommandCompletion.commonPrefix(["fill", "find"]) == "fi")
        #expect(CommandCompletion.commonPrefix(["sync"]) == "sync")
    }
}
