/// One command-line option as the man page lists it: its spellings with their value, and what it does.
struct ManualOption: Equatable {
    /// `-c CMD`, `-h, --help`: each spelling, then the value's name.
    var names: [String]
    var valueName: String?
    var text: String

    /// The options of `hexmap FILE`, from the option table that parses them, in `--help`'s order.
    static var editOptions: [ManualOption] {
        EditOption.all.map { ManualOption(names: $0.spellings, valueName: $0.valueName, text: $0.help) }
    }

    /// `hexmap dump`'s options, read from the summary it prints with a usage error (xxd's own
    /// words, one option a line: `-c cols     format <cols> octets per line.`).
    static func dumpOptions(usage: String = XXDUsageError.usage) -> [ManualOption] {
        let lines = usage.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "Options:") else { return [] }
        return lines[(start + 1)...].compactMap { line in
            let entry = line.drop { $0 == " " }
            guard entry.hasPrefix("-"), let gap = entry.firstRange(of: "  ") else { return nil }
            let words = entry[..<gap.lowerBound].split(separator: " ").map(String.init)
            let options = words.filter { $0.hasPrefix("-") }
            let values = words.filter { !$0.hasPrefix("-") }
            return ManualOption(
                names: [options.joined(separator: " ")],
                valueName: values.isEmpty ? nil : values.joined(separator: " "),
                text: String(entry[gap.upperBound...].drop { $0 == " " }))
        }
    }
}
