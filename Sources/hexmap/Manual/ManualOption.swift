import ArgumentParser

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One command-line option as the man page lists it: its spellings with their value, and what it does.
struct ManualOption: Equatable {
    /// `-c CMD`, `-h, --help`: each spelling, then the value's name.
    var names: [String]
    var valueName: String?
    var text: String

    /// The options ArgumentParser defines for `command`, in their order (its own `--help`
    /// included), read from the description ArgumentParser writes of it (the JSON that
    /// `--experimental-dump-help` prints): what `hexmap --help` shows, the man page shows.
    static func options(of command: any ParsableCommand.Type) -> [ManualOption] {
        let json = command._dumpHelp()
        guard let tool = try? JSONDecoder().decode(DumpedTool.self, from: Data(json.utf8)) else {
            preconditionFailure("ArgumentParser's description of \(command) is not the JSON expected: \(json)")
        }
        return (tool.command.arguments ?? []).filter(\.shouldDisplay).map { argument in
            let names = (argument.names ?? []).map { name in
                (name.kind == "long" ? "--" : "-") + name.name
            }
            let valueName =
                argument.kind == "flag"
                ? nil
                : argument.valueName.map { name in
                    argument.kind == "positional" ? name.uppercased() : name
                }
            let text = [argument.abstract, argument.discussion].compactMap { $0 }.joined(separator: " ")
            return ManualOption(
                names: names,
                valueName: argument.isRepeating && argument.kind == "positional"
                    ? valueName.map { $0 + "..." } : valueName,
                text: text)
        }
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

/// The part of ArgumentParser's JSON description of a command (its `ToolInfoV0`) the man page reads.
private struct DumpedTool: Decodable {
    struct Command: Decodable {
        var arguments: [Argument]?
    }

    struct Argument: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }

        var kind: String
        var shouldDisplay: Bool
        var isRepeating: Bool
        var names: [Name]?
        var valueName: String?
        var abstract: String?
        var discussion: String?
    }

    var command: Command
}
