import Foundation
import TestSupport
import Testing

/// `hexmap --generate-completion-script SHELL`: ArgumentParser writes the script (the fast path
/// for plain editor invocations must leave the flag to it), and bash completes with it.
@Suite(.timeLimit(.minutes(1)))
struct CompletionScriptTests {
    private func script(_ arguments: [String]) throws -> String {
        let result = try HeadlessRun.hexmap(arguments)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err == "")
        return result.out
    }

    @Test func bashScriptIsWrittenAndNamesTheOptions() throws {
        let bash = try script(["--generate-completion-script", "bash"])
        #expect(bash.hasPrefix("#!/bin/bash"))
        #expect(bash.contains("complete -o filenames -F _hexmap hexmap"))
        for flag in ["-c", "-s", "-r", "--private", "--create", "--json", "--watch", "--repl", "--recover", "--force"] {
            // A word of the script: `(-c)`, ` --repl `, `'--recover')`.
            let word = try Regex("[\\s('](\(flag))[\\s)']")
            #expect(bash.contains(word), "\(flag)")
        }
        #expect(bash.contains("edit|dump|help"))
        // The `=` spelling reaches ArgumentParser too.
        #expect(try script(["--generate-completion-script=bash"]) == bash)
    }

    @Test func zshAndFishScriptsAreWritten() throws {
        let zsh = try script(["--generate-completion-script", "zsh"])
        #expect(zsh.hasPrefix("#compdef hexmap"))
        #expect(zsh.contains("--repl") && zsh.contains("--recover"))
        let fish = try script(["--generate-completion-script", "fish"])
        #expect(fish.contains("complete -c 'hexmap'") || fish.contains("complete -c hexmap"))
        #expect(fish.contains("repl") && fish.contains("recover"))
    }

    /// What bash offers for the words typed so far, with the script loaded.
    private func completions(_ words: [String]) throws -> [String] {
        let file = TemporaryFile(try script(["--generate-completion-script", "bash"]), name: "hexmap.bash")
        let program = """
            source "$1"; shift
            COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
            _hexmap hexmap "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try HeadlessRun.program("/bin/bash", ["-c", program, "bash", file.path] + words)
        #expect(result.status == 0, "\(result.err)")
        return result.out.split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesOptionsAndTheirValues() throws {
        #expect(try completions(["hexmap", ""]).contains("dump"))
        #expect(try Set(completions(["hexmap", "edit", "f.bin", "--re"])) == ["--repl", "--recover"])
        #expect(try completions(["hexmap", "edit", "f.bin", "--recover", ""]) == ["rollback", "keep", "discard"])
    }
}
