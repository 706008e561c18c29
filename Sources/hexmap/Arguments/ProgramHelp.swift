import HexEditor

/// `hexmap --help`, `hexmap help edit` and `hexmap help dump`: made from the option table, the
/// command table and xxd's usage summary, so none of it is written twice.
enum ProgramHelp {
    static let abstract = "A hex editor over memory-mapped files, with headless scripts and an xxd-compatible dump."

    /// `hexmap --generate-completion-script SHELL`, which is not an option of `hexmap FILE`.
    static let completionOption = (
        name: "--generate-completion-script", valueName: "bash|zsh|fish",
        help: "Print a completion script for the shell (the README and hexmap(1) say where it goes)."
    )

    /// The short form, after a usage error.
    static let usageLine = "usage: hexmap FILE [OPTIONS] | hexmap dump [OPTIONS] [FILE] (hexmap --help explains)"

    /// Everything: the ways to run it, the options, the exit codes and the commands.
    static var full: String {
        var lines = [
            "hexmap: " + abstract,
            "",
            "Usage:",
            "  hexmap FILE                   edit FILE in the terminal",
            "  hexmap FILE -c CMD [-c CMD]   run commands on FILE headless (no terminal)",
            "  hexmap FILE -s SCRIPT         run a script file (- reads standard input)",
            "  hexmap FILE --repl            run commands a line at a time (a prompt on a terminal)",
            "  hexmap dump FILE              print FILE like xxd (hexmap help dump lists its options)",
            "  hexmap help [edit | dump]     this help, or one part of it",
            "",
        ]
        lines += optionLines
        lines += ["", "Exit codes:"]
        lines += [
            "  0  success",
            "  1  runtime error: FILE could not be opened, or a command failed",
            "     (a script's edits are then rolled back, unless --no-rollback)",
            "  2  usage or syntax error: nothing was changed",
            "  128+N  signal N stopped it (130 SIGINT, 143 SIGTERM, 129 SIGHUP); the edits",
            "     were rolled back",
            "",
            "COMMANDS (the editor's : line, scripts and the REPL; `help CMD` explains one)",
        ]
        lines += CommandHelp.summaryLines.map { $0.isEmpty ? "" : "  " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `hexmap help edit`: the options of `hexmap FILE` and how scripts run.
    static var edit: String {
        var lines = ["Usage: hexmap [edit] FILE [OPTIONS]", ""]
        lines += optionLines
        lines += ["", "Scripts:"]
        lines += CommandHelp.wrapped(scripts, width: 76).map { "  " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `hexmap help dump`: xxd's usage summary, with hexmap's name.
    static var dump: String {
        "hexmap dump: print a file as xxd does, or turn a dump back into bytes (-r).\n\n" + XXDUsageError.usage
    }

    private static var optionLines: [String] {
        var lines = ["Options (hexmap FILE, also spelled hexmap edit FILE):"]
        for option in EditOption.all {
            lines += CommandHelp.entry(option.synopsis, option.help).map { "  " + $0 }
        }
        lines += CommandHelp.entry(completionOption.name + " " + completionOption.valueName, completionOption.help).map
        { "  " + $0 }
        return lines
    }

    private static let scripts = """
        The whole script is parsed first: a syntax error changes nothing and exits 2 with \
        SCRIPT:LINE:COLUMN: message. A runtime error stops the script, prints SCRIPT:LINE: message, \
        rolls back the script's edits and exits 1. A script that succeeds ends with the mapping \
        synced. SCRIPT is the script's path, - for standard input, -c for -c. --repl runs the \
        commands a line at a time instead: errors print 'error: MESSAGE' and the session goes on. \
        The commands are listed by `hexmap --help`.
        """
}
