/// The zsh completion script, for a folder on `$fpath` as `_hexmap`: `_arguments` specs made
/// from the option table.
enum ZshCompletion {
    static var script: String {
        let editSpecs = EditOption.all.map(spec).map { "        " + $0 }.joined(separator: "\n")
        let dumpSpecs = CompletionScript.dumpOptions.map { option in
            "        " + quoted("\(option.spelling)[\(described(option.help))]")
        }
        .joined(separator: "\n")
        let subcommands = CompletionScript.subcommands.map { name, help in quoted("\(name):\(help)") }
        let shells = CompletionScript.Shell.allCases.map(\.rawValue).joined(separator: " ")
        let generate = quoted(
            "--generate-completion-script[\(described(ProgramHelp.completionOption.help))]:shell:(\(shells))")
        return """
            #compdef hexmap
            # Completion of hexmap(1) in zsh, written by `hexmap --generate-completion-script zsh`.

            _hexmap() {
                local -a edit_options dump_options subcommands
                edit_options=(
            \(editSpecs)
                )
                dump_options=(
            \(dumpSpecs)
                )
                subcommands=(\(subcommands.joined(separator: " ")))
                case "${words[2]}" in
                dump)
                    shift words; (( CURRENT-- ))
                    _arguments -s $dump_options '*:file:_files'
                    return ;;
                help)
                    (( CURRENT == 3 )) && _values 'part' edit dump
                    return ;;
                edit)
                    shift words; (( CURRENT-- ))
                    _arguments -s $edit_options '1:file:_files'
                    return ;;
                esac
                if (( CURRENT == 2 )) && [[ "${words[2]}" != -* ]]; then
                    _describe -t subcommands 'subcommand' subcommands
                    _files
                    return
                fi
                _arguments -s $edit_options \(generate) '1:file:_files'
            }

            _hexmap "$@"

            """
    }

    /// `'*-c[Run CMD headless.]:CMD: '`: repeatable or not, the help, then the value.
    private static func spec(_ option: EditOption) -> String {
        let help = "[\(described(option.help))]"
        var value = ""
        if let name = option.valueName {
            switch option.completion {
            case .none: value = ":\(name): "
            case .file: value = ":\(name):_files"
            case .words(let words): value = ":\(name):(\(words.joined(separator: " ")))"
            }
        }
        if option.spellings.count > 1 {
            // `(- *)`: after --help nothing else is offered.
            let names = option.spellings.joined(separator: ",")
            return quoted("(- *)") + "{\(names)}" + quoted(help + value)
        }
        return quoted((option.repeatable ? "*" : "") + option.spellings[0] + help + value)
    }

    /// Help text inside `[...]`: brackets and colons would end the description early.
    private static func described(_ text: String) -> String {
        var result = ""
        for character in text {
            if "[]:\\".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// `text` in single quotes, for zsh.
    private static func quoted(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
