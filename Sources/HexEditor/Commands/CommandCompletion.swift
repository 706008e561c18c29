/// Tab completion from the command table, for the REPL and the editor's `:` line: command
/// names for the first word, then the keywords, choices and setting names that the command's
/// grammar allows at that point.
public enum CommandCompletion {
    /// What can complete the word being typed at the end of `line`: where that word starts
    /// (a character offset into `line`) and the candidates, sorted.
    public static func candidates(for line: String) -> (start: Int, words: [String]) {
        let characters = Array(line)
        var start = characters.count
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        let current = String(characters[start...])
        // Inside a quoted string there is nothing to complete.
        let quotes = characters[..<start].filter { $0 == "\"" }.count
        if quotes % 2 == 1 { return (start, []) }
        var words = characters[..<start].split(whereSeparator: { $0.isWhitespace }).map { String($0) }
        if let first = words.first, first.hasPrefix(":") {
            words[0] = String(first.dropFirst())
            if words[0].isEmpty { words.removeFirst() }
        }
        var typed = current
        var offset = start
        if words.isEmpty, typed.hasPrefix(":") {
            typed.removeFirst()
            offset += 1
        }
        let all = words.isEmpty ? commandNames : following(words)
        var matches = Set<String>()
        for word in all where word.hasPrefix(typed) { matches.insert(word) }
        // `set columns=` completes its value after the `=`.
        if let equals = typed.firstIndex(of: "="), words.first == "set" {
            let name = String(typed[..<equals])
            let value = String(typed[typed.index(after: equals)...])
            let values = Settings.named(name)?.valueWords ?? []
            return (offset + name.count + 1, values.filter { $0.hasPrefix(value) }.sorted())
        }
        return (offset, matches.sorted())
    }

    /// The longest text every candidate starts with.
    public static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    private static var commandNames: [String] {
        CommandTable.all.flatMap(\.names)
    }

    /// The words that may come after `words` (the command name and its complete arguments).
    private static func following(_ words: [String]) -> [String] {
        guard let declaration = CommandTable.declaration(named: words[0]) else { return [] }
        let grammar = declaration.grammar
        let arguments = Array(words.dropFirst())
        // After an option keyword that takes a value, its value's choices.
        if let last = arguments.last, let option = grammar.option(named: last), let value = option.value {
            return value.choices
        }
        var result: [String] = []
        // A setting's values once its name is typed (`set columns `).
        if grammar.positionals.first.map({ if case .setting = $0.kind { true } else { false } }) == true {
            if arguments.isEmpty { return Settings.all.map { $0.name + "=" } + Settings.all.map(\.name) }
            if arguments.count == 1, let setting = Settings.named(arguments[0]) { return setting.valueWords }
            return []
        }
        // The positional the next word would fill, counting the words that are not options.
        let used = Set(arguments.compactMap { grammar.option(named: $0)?.keyword })
        let positionalWords = arguments.filter { grammar.option(named: $0) == nil }.count
        if positionalWords < grammar.positionals.count {
            result += grammar.positionals[positionalWords].choices
        }
        let excluded = Set(
            grammar.optionGroups.filter { group in group.contains { used.contains($0.keyword) } }.flatMap {
                $0.map(\.keyword)
            })
        result += grammar.options.map(\.keyword).filter { !used.contains($0) && !excluded.contains($0) }
        return result
    }
}
