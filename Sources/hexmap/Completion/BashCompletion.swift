/// The bash completion script: one function, `_hexmap`, bound to `hexmap` with `complete -F`.
enum BashCompletion {
    static var script: String {
        let options = EditOption.all.flatMap(\.spellings).joined(separator: " ")
        let dumpOptions = CompletionScript.dumpOptions.map(\.spelling).joined(separator: " ")
        let subcommands = CompletionScript.subcommands.map(\.0)
        let shells = CompletionScript.Shell.allCases.map(\.rawValue).joined(separator: " ")
        var values: [String] = []
        for option in EditOption.all where !option.isFlag {
            let pattern = option.spellings.joined(separator: "|")
            switch option.completion {
            case .none: values.append("    \(pattern)) return ;;")
            case .file: values.append("    \(pattern)) __hexmap_add -f; return ;;")
            case .words(let words):
                values.append("    \(pattern)) __hexmap_add -W '\(words.joined(separator: " "))'; return ;;")
            }
        }
        return """
            #!/bin/bash
            # Completion of hexmap(1) in bash, written by `hexmap --generate-completion-script bash`.

            # Adds to COMPREPLY what `compgen ARGS` offers for the current word, one entry a line
            # (a file name may hold spaces).
            __hexmap_add() {
                local entry
                while IFS='' read -r entry; do
                    COMPREPLY+=("${entry}")
                done < <(compgen "$@" -- "${cur}")
            }

            _hexmap() {
                local cur="${COMP_WORDS[COMP_CWORD]}" prev=""
                (( COMP_CWORD > 0 )) && prev="${COMP_WORDS[COMP_CWORD-1]}"
                COMPREPLY=()
                if (( COMP_CWORD > 1 )); then
                    case "${COMP_WORDS[1]}" in
                    dump)
                        if [[ "${cur}" == -* ]]; then __hexmap_add -W '\(dumpOptions)'; else __hexmap_add -f; fi
                        return ;;
                    help)
                        (( COMP_CWORD == 2 )) && __hexmap_add -W 'edit dump'
                        return ;;
                    --generate-completion-script)
                        (( COMP_CWORD == 2 )) && __hexmap_add -W '\(shells)'
                        return ;;
                    esac
                fi
                case "${prev}" in
            \(values.joined(separator: "\n"))
                esac
                if [[ "${cur}" == -* ]]; then
                    __hexmap_add -W '\(options)'
                    (( COMP_CWORD == 1 )) && __hexmap_add -W '--generate-completion-script'
                else
                    # The subcommands (edit|dump|help) go where FILE may.
                    (( COMP_CWORD == 1 )) && __hexmap_add -W '\(subcommands.joined(separator: " "))'
                    __hexmap_add -f
                fi
            }

            complete -o filenames -F _hexmap hexmap

            """
    }
}
