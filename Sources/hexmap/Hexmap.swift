import ArgumentParser
import HexEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `hexmap` command: edit a file (interactive or headless scripts) or dump it like xxd.
@main
struct Hexmap: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hexmap",
        abstract: "A hex editor over memory-mapped files, with headless scripts and an xxd-compatible dump.",
        discussion: """
            hexmap FILE                   edit FILE in the terminal
            hexmap FILE -c CMD [-c CMD]   run commands on FILE headless (no terminal)
            hexmap FILE -s SCRIPT         run a script file (- reads standard input)
            hexmap FILE --repl            run commands a line at a time (a prompt on a terminal)
            hexmap dump FILE              print FILE like xxd

            Exit codes:
              0  success
              1  runtime error: FILE could not be opened, or a command failed
                 (a script's edits are then rolled back, unless --no-rollback)
              2  usage or syntax error: nothing was changed
              128+N  signal N stopped it (130 SIGINT, 143 SIGTERM, 129 SIGHUP); the edits
                 were rolled back

            COMMANDS (the editor's : line, scripts and the REPL; `help CMD` explains one)
            """ + "\n" + CommandHelp.summaryLines.map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n"),
        subcommands: [EditCommand.self, DumpCommand.self],
        defaultSubcommand: EditCommand.self
    )

    /// Runs the command, mapping ArgumentParser's usage errors to exit status 2 (its default is
    /// 64), so scripts see the documented codes: 0 ok, 1 runtime error, 2 usage or syntax error.
    static func main() {
        let argv = (0..<Int(CommandLine.argc)).map { CommandLine.unsafeArgv[$0] }
        if let session = EditorInvocation.session(argv) {
            terminate(session.run())
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            terminate(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            if code == .validationFailure {
                let message = fullMessage(for: error)
                writeToStandardError(message.hasSuffix("\n") ? message : message + "\n")
                terminate(2)
            }
            exit(withError: error)
        }
    }
}

/// Ends the process with `status` (the C library's exit, which `ParsableCommand.exit(withError:)` hides).
private func terminate(_ status: Int32) -> Never {
    exit(status)
}
