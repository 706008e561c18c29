/// The fish completion script: one `complete -c hexmap` line per subcommand and option.
enum FishCompletion {
    static var script: String {
        let editing = "not __fish_seen_subcommand_from dump help"
        var lines = [
            "# Completion of hexmap(1) in fish, written by `hexmap --generate-completion-script fish`.",
            "",
            "# Files only where FILE goes: after hexmap, hexmap edit and hexmap dump.",
            "complete -c hexmap -f",
            "complete -c hexmap -n '__fish_use_subcommand; or __fish_seen_subcommand_from edit dump' -F",
        ]
        for (name, help) in CompletionScript.subcommands {
            lines.append("complete -c hexmap -n __fish_use_subcommand -a \(name) -d \(quoted(help))")
        }
        lines.append("complete -c hexmap -n '__fish_seen_subcommand_from help' -a 'edit dump'")
        let shells = CompletionScript.Shell.allCases.map(\.rawValue).joined(separator: " ")
        lines.append(
            "complete -c hexmap -n __fish_use_subcommand -l generate-completion-script -x -a '\(shells)' -d "
                + quoted(ProgramHelp.completionOption.help))
        for option in EditOption.all {
            var line = "complete -c hexmap -n '\(editing)'"
            for spelling in option.spellings {
                line += spelling.hasPrefix("--") ? " -l \(spelling.dropFirst(2))" : " -s \(spelling.dropFirst())"
            }
            switch option.completion {
            case .none where !option.isFlag: line += " -x"
            case .none: break
            case .file: line += " -r -F"
            case .words(let words): line += " -x -a '\(words.joined(separator: " "))'"
            }
            lines.append(line + " -d " + quoted(option.help))
        }
        for option in CompletionScript.dumpOptions {
            let name = option.spelling.dropFirst()
            let flag = name.count == 1 ? "-s \(name)" : "-o \(name)"
            lines.append("complete -c hexmap -n '__fish_seen_subcommand_from dump' \(flag) -d \(quoted(option.help))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` in single quotes, for fish (which escapes `\` and `'` inside them).
    private static func quoted(_ text: String) -> String {
        var result = "'"
        for character in text {
            if character == "\\" || character == "'" { result.append("\\") }
            result.append(character)
        }
        return result + "'"
    }
}
