import HexEditor
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `hexmap` command: edit a file (interactive, headless scripts or the REPL) or dump it
/// like xxd. The command line is read here and nowhere below (`EditArguments` for editing,
/// `XXDArguments` for the dump).
@main
enum Hexmap {
    static func main() {
        exit(run(RawArgument.commandLine))
    }

    /// Runs the command line `words` (argv without the program's name); returns the exit status:
    /// 0 ok, 1 runtime error, 2 usage or syntax error.
    static func run(_ words: [RawArgument]) -> Int32 {
        let first = words.first?.text ?? ""
        let rest = words.dropFirst()
        switch first {
        case "dump":
            return DumpRun.main(rest.map(\.text), bytes: rest.map(\.bytes))
        case "edit":
            return edit(rest, help: ProgramHelp.edit)
        case "help":
            return help(rest)
        case _ where first == completionOption || first.hasPrefix(completionOption + "="):
            return completionScript(words)
        default:
            return edit(words[...], help: ProgramHelp.full)
        }
    }

    private static let completionOption = ProgramHelp.completionOption.name

    /// `help` is made only when asked for: the command table's summary costs start-up time.
    private static func edit(_ words: ArraySlice<RawArgument>, help: @autoclosure () -> String) -> Int32 {
        do {
            switch try EditArguments.parse(words) {
            case .help: return printed(help())
            case .session(let session): return session.run()
            }
        } catch {
            return usageError(error.message)
        }
    }

    /// `hexmap help`, `hexmap help edit`, `hexmap help dump`.
    private static func help(_ words: ArraySlice<RawArgument>) -> Int32 {
        switch words.map(\.text) {
        case []: return printed(ProgramHelp.full)
        case ["edit"]: return printed(ProgramHelp.edit)
        case ["dump"]: return printed(ProgramHelp.dump)
        default: return usageError("help takes edit or dump, not '\(words.map(\.text).joined(separator: " "))'")
        }
    }

    /// `--generate-completion-script SHELL` or `--generate-completion-script=SHELL`.
    private static func completionScript(_ words: [RawArgument]) -> Int32 {
        var values = words.map(\.text)
        let first = values.removeFirst()
        if first != completionOption { values.insert(String(first.dropFirst(completionOption.count + 1)), at: 0) }
        guard values.count == 1, let shell = CompletionScript.Shell(rawValue: values[0]) else {
            let given = values.isEmpty ? "" : ", not '\(values.joined(separator: " "))'"
            return usageError("\(completionOption) takes one shell: bash, zsh or fish\(given)")
        }
        return printed(CompletionScript.text(for: shell))
    }

    private static func printed(_ text: String) -> Int32 {
        do {
            try FileDescriptor.standardOutput.writeWhole(Array(text.utf8))
            return 0
        } catch {
            writeToStandardError("hexmap: cannot write to standard output: \(error)\n")
            return 1
        }
    }

    private static func usageError(_ message: String) -> Int32 {
        writeToStandardError("hexmap: \(message)\n\(ProgramHelp.usageLine)\n")
        return 2
    }
}
