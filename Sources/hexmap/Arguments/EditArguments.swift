import HexEditor
import SystemPackage

/// `hexmap [edit] FILE [OPTIONS]`, read by the option table (`EditOption`).
///
/// The grammar is the usual one: options before or after FILE, `--name VALUE` or
/// `--name=VALUE`, `-c VALUE` or `-cVALUE`, short flags grouped (`-rc CMD`), and `--` before a
/// FILE whose name starts with `-`.
enum EditArguments {
    /// What the words ask for: a session, or the help.
    enum Request {
        case session(EditSession)
        case help
    }

    static func parse(_ words: some Collection<RawArgument>) throws(UsageError) -> Request {
        var reader = Reader()
        var optionsEnded = false
        var pending = words.makeIterator()
        while let word = pending.next() {
            let text = word.text
            if optionsEnded || text == "-" || !text.hasPrefix("-") {
                try reader.operand(word)
            } else if text == "--" {
                optionsEnded = true
            } else if text.hasPrefix("--") {
                let equals = text.firstIndex(of: "=")
                let spelling = String(text[..<(equals ?? text.endIndex)])
                guard let option = EditOption.named(spelling) else { throw unknown(spelling) }
                if let equals {
                    guard !option.isFlag else { throw UsageError("\(spelling) takes no value") }
                    // The value's bytes are those after the `=`: its text's UTF-8 up to there is the same.
                    let offset = text[..<equals].utf8.count + 1
                    try reader.set(option, value: RawArgument(bytes: Array(word.bytes[offset...])))
                } else {
                    try reader.set(option, value: option.isFlag ? nil : try value(for: option, from: &pending))
                }
            } else {
                // `-r`, `-c CMD`, `-cCMD`, `-rc CMD`: flags, then at most one option with a value.
                var offset = 1
                for letter in text.dropFirst() {
                    let spelling = "-" + String(letter)
                    guard let option = EditOption.named(spelling) else { throw unknown(spelling) }
                    offset += String(letter).utf8.count
                    if option.isFlag {
                        try reader.set(option, value: nil)
                        continue
                    }
                    let attached = Array(word.bytes[offset...])
                    let value = attached.isEmpty ? try value(for: option, from: &pending) : RawArgument(bytes: attached)
                    try reader.set(option, value: value)
                    break
                }
            }
        }
        if reader.wantsHelp { return .help }
        return .session(try reader.session())
    }

    /// The word after an option that takes a value.
    private static func value<Words: IteratorProtocol<RawArgument>>(
        for option: EditOption, from words: inout Words
    ) throws(UsageError) -> RawArgument {
        guard let value = words.next() else {
            throw UsageError("\(option.spellings[0]) needs a value: \(option.synopsis)")
        }
        return value
    }

    /// An option the table does not have, with the one it most likely meant.
    private static func unknown(_ spelling: String) -> UsageError {
        let known = EditOption.all.flatMap(\.spellings).filter { $0.count > 2 }
        let near = known.filter { $0.hasPrefix(spelling) || editDistance($0, spelling) <= 2 }
        let hint = near.count == 1 ? " (did you mean \(near[0])?)" : ""
        return UsageError("unknown option '\(spelling)'\(hint)")
    }

    /// How many letters to insert, delete or replace to turn `a` into `b` (Levenshtein).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let b = Array(b)
        var previous = Array(0...b.count)
        for (i, letter) in a.enumerated() {
            var current = [i + 1]
            for j in b.indices {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (letter == b[j] ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The options and FILE as they are read, then checked together.
    private struct Reader {
        var file: RawArgument?
        /// The options read so far (its file is set once they are known to go together).
        var options = EditSession(file: FilePath())
        var wantsHelp = false

        mutating func operand(_ word: RawArgument) throws(UsageError) {
            guard file == nil else {
                throw UsageError("unexpected argument '\(word.text)': hexmap opens one FILE")
            }
            file = word
        }

        mutating func set(_ option: EditOption, value: RawArgument?) throws(UsageError) {
            let text = value?.text ?? ""
            switch option.key {
            case .commands: options.commands.append(text)
            case .script:
                if options.script != nil { throw UsageError("-s is given twice: one script per run") }
                options.script = value
            case .readOnly: options.readOnly = true
            case .privateMapping: options.privateMapping = true
            case .create:
                if options.createSize != nil { throw UsageError("--create is given twice") }
                guard let size = NumberLiteral.value(of: text) else {
                    throw UsageError("--create: bad size '\(text)' (decimal, 0x hex, optional k/m/g suffix)")
                }
                options.createSize = size
            case .json: options.json = true
            case .noRollback: options.noRollback = true
            case .noSync: options.noSync = true
            case .watch: options.watch = true
            case .repl: options.repl = true
            case .recover:
                if options.recover != nil { throw UsageError("--recover is given twice") }
                guard let mode = RecoveryMode(rawValue: text) else {
                    throw UsageError("--recover takes rollback, keep or discard, not '\(text)'")
                }
                options.recover = mode
            case .force: options.force = true
            case .help: wantsHelp = true
            }
        }

        /// The session, once the options are known to go together.
        func session() throws(UsageError) -> EditSession {
            guard let file else { throw UsageError("missing FILE: hexmap opens a file") }
            guard !file.bytes.isEmpty else { throw UsageError("FILE is empty: hexmap opens a file by its path") }
            if !options.commands.isEmpty, options.script != nil {
                throw UsageError("give commands with -c or a script with -s, not both")
            }
            if options.force, options.recover != .rollback {
                throw UsageError("--force goes with --recover rollback only")
            }
            if options.recover != nil, options.readOnly || options.privateMapping {
                throw UsageError("--recover changes the file: it cannot be combined with -r or --private")
            }
            if options.repl, options.isHeadless {
                throw UsageError(
                    "--repl reads its commands from standard input: it cannot be combined with -c, -s or --watch")
            }
            if options.repl, options.noRollback || options.noSync {
                throw UsageError("--no-rollback and --no-sync apply to -c and -s only (the REPL never rolls back)")
            }
            if !options.isHeadless, !options.repl, options.json || options.noRollback || options.noSync {
                throw UsageError("--json, --no-rollback and --no-sync apply to -c, -s and --repl only")
            }
            do {
                try Document.checkCreation(readOnly: options.readOnly, createSize: options.createSize)
            } catch {
                throw UsageError("--create: \(error.message) (-r opens read-only)")
            }
            if options.watch, options.json {
                throw UsageError("--watch prints xxd lines: it cannot be combined with --json")
            }
            if options.watch, options.privateMapping {
                throw UsageError("--watch follows other processes' changes, which a --private mapping never sees")
            }
            var session = options
            session.file = file.path()
            return session
        }
    }
}
