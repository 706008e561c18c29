/// Turns one line of the command language into a `Command`, or a `ParseError` that names the
/// line, the column and what is wrong. Parsing never looks at a file: `$` stays symbolic.
public enum CommandParser {
    /// The command on `line`, or nil for a blank line or a comment.
    public static func parse(line: String, lineNumber: Int = 1) throws(ParseError) -> Command? {
        try parse(bytes: Array(line.utf8), lineNumber: lineNumber)
    }

    /// The same for a line given as raw bytes (scripts are read as bytes, so invalid UTF-8
    /// and NUL bytes can be reported where they are).
    public static func parse(bytes: [UInt8], lineNumber: Int = 1) throws(ParseError) -> Command? {
        do {
            let tokens = try CommandLexer.tokenize(bytes)
            guard !tokens.isEmpty else { return nil }
            var arguments = ArgumentReader(tokens: tokens)
            return try arguments.command()
        } catch {
            throw ParseError(line: lineNumber, column: error.column, message: error.message)
        }
    }
}

/// Reads a command's name and arguments from its tokens, left to right.
private struct ArgumentReader {
    typealias Failure = CommandLexer.Failure
    private let tokens: [CommandLexer.Token]
    private var next = 1
    private var name = ""

    init(tokens: [CommandLexer.Token]) {
        self.tokens = tokens
    }

    private static let usage: [String: String] = [
        "goto": "goto OFF | goto +N | goto -N",
        "patch": "patch OFF BYTES",
        "fill": "fill OFF LEN BYTE",
        "insert": "insert OFF BYTES",
        "delete": "delete OFF LEN",
        "print": "print [OFF [LEN]]",
        "find": "find BYTES [from OFF] [all]",
        "sync": "sync [async]",
        "w": "w [async]",
        "advise": "advise HINT [OFF [LEN]]",
        "resize": "resize SIZE",
        "follow": "follow on|off",
        "set": "set columns=N|auto",
    ]

    mutating func command() throws(Failure) -> Command {
        let first = tokens[0]
        guard let word = first.word else {
            throw Failure(column: first.column, message: "expected a command name, found a string")
        }
        name = word
        let command: Command
        switch word {
        case "goto": command = .goto(try gotoTarget())
        case "patch": command = .patch(offset: try offset("OFF"), bytes: try bytes(stoppingAt: []))
        case "fill":
            command = .fill(offset: try offset("OFF"), length: try length("LEN"), byte: try singleByte())
        case "insert": command = .insert(offset: try offset("OFF"), bytes: try bytes(stoppingAt: []))
        case "delete": command = .delete(offset: try offset("OFF"), length: try length("LEN"))
        case "print":
            let offset = hasMore ? try offset("OFF") : nil
            let length = hasMore ? try length("LEN") : nil
            command = .print(offset: offset, length: length)
        case "find": command = try find()
        case "sync", "w": command = .sync(async: try optionalKeyword("async"))
        case "advise": command = try advise()
        case "resize": command = .resize(try length("SIZE"))
        case "undo": command = .undo
        case "redo": command = .redo
        case "info": command = .info
        case "follow": command = .follow(try onOff())
        case "q", "quit": command = .quit(.normal)
        case "q!", "quit!": command = .quit(.force)
        case "wq", "x": command = .quit(.afterSync)
        case "set": command = .setColumns(try columnsSetting())
        case "help", "h": command = .help
        case "reopen": command = .reopen
        default:
            throw Failure(column: first.column, message: "unknown command '\(word)' (try: help)")
        }
        if next < tokens.count {
            let extra = tokens[next]
            let shown = extra.word.map { "'\($0)'" } ?? "string"
            throw Failure(column: extra.column, message: "\(name): unexpected \(shown)\(usageHint)")
        }
        return command
    }

    private var usageHint: String {
        Self.usage[name].map { " (usage: \($0))" } ?? " (takes no arguments)"
    }

    private var hasMore: Bool { next < tokens.count }

    /// The column just past the last token, where a missing argument would have gone.
    private var endColumn: Int { tokens[tokens.count - 1].endColumn + 1 }

    private mutating func take(_ what: String) throws(Failure) -> CommandLexer.Token {
        guard next < tokens.count else {
            throw Failure(column: endColumn, message: "\(name): missing \(what)\(usageHint)")
        }
        next += 1
        return tokens[next - 1]
    }

    private mutating func takeWord(_ what: String) throws(Failure) -> (String, Int) {
        let token = try take(what)
        guard let word = token.word else {
            throw Failure(column: token.column, message: "\(name): \(what) must be a number, not a string")
        }
        return (word, token.column)
    }

    // MARK: Numbers

    private mutating func offset(_ what: String) throws(Failure) -> NumberArgument {
        let (word, column) = try takeWord(what)
        return try Self.number(word, column: column, what: "\(name): \(what)")
    }

    private mutating func length(_ what: String) throws(Failure) -> NumberArgument {
        try offset(what)
    }

    /// `$`, `$-N`, or a non-negative literal (see `NumberLiteral`).
    static func number(_ word: String, column: Int, what: String) throws(Failure) -> NumberArgument {
        if word.hasPrefix("$") {
            let rest = word.dropFirst()
            if rest.isEmpty { return .fromEnd(0) }
            guard rest.hasPrefix("-"), rest.count > 1 else {
                throw Failure(column: column, message: "\(what): bad number '\(word)' (use $ or $-N)")
            }
            return .fromEnd(try literal(String(rest.dropFirst()), column: column + 2, what: what))
        }
        if word.hasPrefix("-") {
            throw Failure(column: column, message: "\(what) must not be negative: '\(word)'")
        }
        return .value(try literal(word, column: column, what: what))
    }

    static func literal(_ word: String, column: Int, what: String) throws(Failure) -> Int {
        switch NumberLiteral.parse(word) {
        case .success(let value): return value
        case .failure(.tooLarge):
            throw Failure(column: column, message: "\(what): number too large '\(word)'")
        case .failure(.malformed):
            throw Failure(
                column: column,
                message: "\(what): bad number '\(word)' (decimal, 0x hex, optional k/m/g suffix, $ or $-N)")
        }
    }

    private mutating func gotoTarget() throws(Failure) -> GotoTarget {
        let (word, column) = try takeWord("OFF")
        if word.hasPrefix("+") || word.hasPrefix("-") {
            let distance = try Self.literal(String(word.dropFirst()), column: column + 1, what: "goto: OFF")
            return word.hasPrefix("+") ? .forward(distance) : .backward(distance)
        }
        return .position(try Self.number(word, column: column, what: "goto: OFF"))
    }

    // MARK: Bytes

    /// Hex pairs (spaces optional) and quoted strings, up to the end or to one of `keywords`.
    private mutating func bytes(stoppingAt keywords: Set<String>) throws(Failure) -> [UInt8] {
        var result: [UInt8] = []
        let startColumn = next < tokens.count ? tokens[next].column : endColumn
        while next < tokens.count {
            let token = tokens[next]
            switch token.kind {
            case .string(let bytes):
                result += bytes
            case .word(let word):
                if keywords.contains(word) { return try nonEmpty(result, column: startColumn) }
                try Self.appendHex(word, column: token.column, to: &result, what: name)
            }
            next += 1
        }
        return try nonEmpty(result, column: startColumn)
    }

    private func nonEmpty(_ bytes: [UInt8], column: Int) throws(Failure) -> [UInt8] {
        if bytes.isEmpty {
            throw Failure(column: column, message: "\(name): missing BYTES\(usageHint)")
        }
        return bytes
    }

    static func appendHex(_ word: String, column: Int, to result: inout [UInt8], what: String)
        throws(Failure)
    {
        let digits = Array(word.utf8)
        var characterColumn = column
        var values: [UInt8] = []
        values.reserveCapacity(digits.count)
        for scalar in word.unicodeScalars {
            guard scalar.isASCII, let value = hexDigitValue(UInt8(scalar.value)) else {
                throw Failure(
                    column: characterColumn,
                    message: "\(what): bad hex digit '\(scalar)' in '\(word)' (bytes are hex pairs or a \"string\")")
            }
            values.append(value)
            characterColumn += 1
        }
        if values.count % 2 != 0 {
            throw Failure(
                column: column,
                message: "\(what): odd number of hex digits in '\(word)' (bytes are pairs like 0a)")
        }
        var index = 0
        while index < values.count {
            result.append(values[index] << 4 | values[index + 1])
            index += 2
        }
    }

    private mutating func singleByte() throws(Failure) -> UInt8 {
        let token = try take("BYTE")
        switch token.kind {
        case .string(let bytes):
            guard bytes.count == 1 else {
                throw Failure(column: token.column, message: "fill: BYTE must be one byte, the string has \(bytes.count)")
            }
            return bytes[0]
        case .word(let word):
            if word.lowercased().hasPrefix("0x") {
                let value = try Self.literal(word, column: token.column, what: "fill: BYTE")
                guard value <= 0xFF else {
                    throw Failure(column: token.column, message: "fill: BYTE must be at most 0xff, not '\(word)'")
                }
                return UInt8(value)
            }
            var bytes: [UInt8] = []
            try Self.appendHex(word, column: token.column, to: &bytes, what: "fill")
            guard bytes.count == 1 else {
                throw Failure(column: token.column, message: "fill: BYTE must be one hex pair like ff, not '\(word)'")
            }
            return bytes[0]
        }
    }

    // MARK: Keywords

    private mutating func find() throws(Failure) -> Command {
        let pattern = try bytes(stoppingAt: ["from", "all", "--all"])
        var from: NumberArgument?
        var all = false
        while next < tokens.count, let word = tokens[next].word {
            if word == "from", from == nil {
                next += 1
                from = try offset("OFF after 'from'")
            } else if word == "all" || word == "--all", !all {
                next += 1
                all = true
            } else {
                break
            }
        }
        return .find(pattern: pattern, from: from, all: all)
    }

    private mutating func optionalKeyword(_ keyword: String) throws(Failure) -> Bool {
        guard hasMore else { return false }
        let token = tokens[next]
        guard token.word == keyword else {
            throw Failure(column: token.column, message: "\(name): expected '\(keyword)' or nothing\(usageHint)")
        }
        next += 1
        return true
    }

    private mutating func advise() throws(Failure) -> Command {
        let (word, column) = try takeWord("HINT")
        guard let hint = AdviceHint(rawValue: word.lowercased()) else {
            let known = AdviceHint.allCases.map(\.rawValue).joined(separator: " ")
            throw Failure(column: column, message: "advise: unknown hint '\(word)' (known: \(known))")
        }
        let offset = hasMore ? try offset("OFF") : nil
        let length = hasMore ? try length("LEN") : nil
        return .advise(hint, offset: offset, length: length)
    }

    private mutating func onOff() throws(Failure) -> Bool {
        let (word, column) = try takeWord("on|off")
        switch word {
        case "on": return true
        case "off": return false
        default: throw Failure(column: column, message: "follow: expected on or off, not '\(word)'")
        }
    }

    private mutating func columnsSetting() throws(Failure) -> Int? {
        let (word, column) = try takeWord("columns=N")
        guard word.hasPrefix("columns=") else {
            throw Failure(column: column, message: "set: unknown setting '\(word)' (known: columns=N|auto)")
        }
        let value = String(word.dropFirst("columns=".count))
        if value == "auto" { return nil }
        let valueColumn = column + "columns=".count
        let number = try Self.literal(value, column: valueColumn, what: "set columns")
        guard (1...256).contains(number) else {
            throw Failure(column: valueColumn, message: "set columns: must be 1 to 256 or auto, not \(value)")
        }
        return number
    }
}
