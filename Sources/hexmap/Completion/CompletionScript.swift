/// `hexmap --generate-completion-script SHELL`: a script that teaches the shell hexmap's
/// command line, made from the option table (`EditOption`) and xxd's usage summary.
///
/// Each script completes a FILE where one is expected (after `hexmap`, `hexmap edit` and
/// `hexmap dump`), the subcommands, every option, and the values of `-s` (a file) and
/// `--recover` (its modes).
enum CompletionScript {
    enum Shell: String, CaseIterable {
        case bash, zsh, fish
    }

    static func text(for shell: Shell) -> String {
        switch shell {
        case .bash: BashCompletion.script
        case .zsh: ZshCompletion.script
        case .fish: FishCompletion.script
        }
    }

    /// The subcommands, with what each does.
    static let subcommands = [
        ("edit", "edit FILE (the same as hexmap FILE)"),
        ("dump", "print FILE as xxd does, or turn a dump back into bytes"),
        ("help", "show the help, or one part of it"),
    ]

    /// The options `hexmap dump` takes (xxd's, from its usage summary): `-a`, `-ps`, ...
    static var dumpOptions: [(spelling: String, help: String)] {
        var seen: Set<String> = []
        return ManualOption.dumpOptions().flatMap { option in
            option.names[0].split(separator: " ").map { (String($0), option.text) }
        }
        .filter { seen.insert($0.0).inserted }
    }
}
