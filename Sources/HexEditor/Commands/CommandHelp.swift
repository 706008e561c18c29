/// Help text made from the command table: `help`, `help CMD`, the commands part of the help
/// screen and `Resources/help.txt`, and `hexmap --help`'s list. Nothing here is written twice.
public enum CommandHelp {
    /// What numbers and bytes look like, for every list of commands.
    public static let notation = [
        "Numbers: 4096 0x1000 4k 1m 1g, $ (the size), $-16.",
        "Bytes: de ad be ef, deadbeef, \"text\\n\\x00\\012\" (C escapes).",
        "A leading : is optional; # starts a comment.",
    ]

    /// The column where summaries start, and the width they wrap at (help fits 80 columns
    /// with the two spaces the help screen indents it by).
    static let summaryColumn = 26
    static let lineWidth = 76

    /// One entry a command, `usage  summary` (a long usage gets a line of its own, a long
    /// summary wraps), then the settings and the notation.
    public static var summaryLines: [String] {
        var lines: [String] = []
        for declaration in CommandTable.all {
            lines += entry(usageWithAliases(declaration), declaration.summary)
        }
        lines.append("")
        lines.append("Settings (set NAME VALUE, or set NAME=VALUE):")
        for setting in Settings.all {
            lines += entry("  \(setting.name)=\(setting.valuesUsage)", setting.summary)
        }
        lines.append("")
        return lines + notation
    }

    /// `left` and `text` in two columns, `text` wrapped at word boundaries.
    public static func entry(_ left: String, _ text: String) -> [String] {
        let indent = String(repeating: " ", count: summaryColumn)
        let wrapped = wrapped(text, width: lineWidth - summaryColumn)
        var lines: [String] = []
        if left.count + 2 <= summaryColumn {
            lines.append(left + String(repeating: " ", count: summaryColumn - left.count) + (wrapped.first ?? ""))
            lines += wrapped.dropFirst().map { indent + $0 }
        } else {
            lines.append(left)
            lines += wrapped.map { indent + $0 }
        }
        return lines
    }

    /// `text` in lines of at most `width` characters, broken between words (a longer word
    /// gets a line of its own).
    public static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// `help CMD`: the usage, what it does, its other names, and an example.
    public static func lines(for declaration: CommandDeclaration) -> [String] {
        var lines = ["usage: \(declaration.usage)", declaration.summary] + declaration.details
        lines += declaration.grammar.selection?.helpLines ?? []
        if declaration.names.count > 1 {
            lines.append("also: " + declaration.names.dropFirst().joined(separator: ", "))
        }
        lines.append("example: \(declaration.example)")
        return lines
    }

    /// `help --json`: one object a command.
    static func json(_ declaration: CommandDeclaration) -> String {
        JSON.object([
            ("command", .string(declaration.name)),
            ("names", .strings(declaration.names)),
            ("usage", .string(declaration.usage)),
            ("summary", .string(declaration.summary)),
            ("example", .string(declaration.example)),
        ])
    }

    /// `sync [async] | w`: the usage, and the aliases that are not spellings of a keyword.
    private static func usageWithAliases(_ declaration: CommandDeclaration) -> String {
        ([declaration.usage] + declaration.names.dropFirst()).joined(separator: " | ")
    }
}
