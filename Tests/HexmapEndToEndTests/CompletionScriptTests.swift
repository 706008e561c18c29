import Foundation
import TestSupport
import Testing

/// `hexmap --generate-completion-script SHELL`: the scripts are made from the option table,
/// and bash completes with its script as a person would see it.
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
            let word = try Regex("[\\s('](\(flag))[\\s)'|]")
            #expect(bash.contains(word), "\(flag)")
        }
        #expect(try script(["--generate-completion-script=bash"]) == bash)
    }

    @Test func aMissingOrUnknownShellIsAUsageError() throws {
        for arguments in [["--generate-completion-script"], ["--generate-completion-script", "tcsh"]] {
            let result = try HeadlessRun.hexmap(arguments)
            #expect(result.status == 2)
            #expect(result.err.contains("bash, zsh or fish"))
            #expect(result.out.isEmpty)
        }
    }

    @Test func zshAndFishScriptsAreWritten() throws {
        let zsh = try script(["--generate-completion-script", "zsh"])
        #expect(zsh.hasPrefix("#compdef hexmap"))
        #expect(zsh.contains("--repl") && zsh.contains("--recover"))
        #expect(zsh.contains("_hexmap \"$@\""))
        let fish = try script(["--generate-completion-script", "fish"])
        #expect(fish.contains("complete -c hexmap"))
        #expect(fish.contains("-l repl") && fish.contains("-l recover -x -a 'rollback keep discard'"))
    }

    /// The scripts parse in their shells, where the shell is installed (CI has bash only).
    @Test(arguments: ["zsh", "fish"]) func scriptParsesInItsShell(shell: String) throws {
        guard let path = ["/usr/bin/\(shell)", "/bin/\(shell)"].first(where: FileManager.default.isExecutableFile)
        else { return }
        let file = TemporaryFile(try script(["--generate-completion-script", shell]), name: "hexmap.\(shell)")
        let result = try HeadlessRun.program(path, ["-n", file.path])
        #expect(result.status == 0, "\(result.err)")
    }

    /// What bash offers for the words typed so far, with the script loaded, run in `directory`.
    private func completions(_ words: [String], in directory: String = "/") throws -> [String] {
        let file = TemporaryFile(try script(["--generate-completion-script", "bash"]), name: "hexmap.bash")
        let program = """
            source "$1"; cd "$2"; shift 2
            COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
            _hexmap hexmap "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try HeadlessRun.program("/bin/bash", ["-c", program, "bash", file.path, directory] + words)
        #expect(result.status == 0, "\(result.err)")
        return result.out.split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesOptionsAndTheirValues() throws {
        #expect(try completions(["hexmap", ""]).contains("dump"))
        #expect(try Set(completions(["hexmap", "edit", "f.bin", "--re"])) == ["--repl", "--recover"])
        #expect(try Set(completions(["hexmap", "f.bin", "--re"])) == ["--repl", "--recover"])
        #expect(try completions(["hexmap", "edit", "f.bin", "--recover", ""]) == ["rollback", "keep", "discard"])
        #expect(try completions(["hexmap", "--generate-completion-script", "z"]) == ["zsh"])
        #expect(try completions(["hexmap", "help", ""]) == ["edit", "dump"])
        #expect(try completions(["hexmap", "dump", "-p"]) == ["-ps"])
    }

    /// Where FILE goes, bash offers file names (with their spaces), after `hexmap` itself too.
    @Test func bashCompletesFileNames() throws {
        let file = TemporaryFile("abc", name: "two words.bin")
        #expect(try completions(["hexmap", "two"], in: file.directory) == ["two words.bin"])
        #expect(try completions(["hexmap", "-r", "two"], in: file.directory) == ["two words.bin"])
        #expect(try completions(["hexmap", "dump", "two"], in: file.directory) == ["two words.bin"])
        #expect(try completions(["hexmap", "f", "-s", "two"], in: file.directory) == ["two words.bin"])
        #expect(try completions(["hexmap", "f", "-c", "two"], in: file.directory) == [])
    }
}
