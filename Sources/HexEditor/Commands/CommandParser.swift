/// Turns one line of the command language into a `Command`, or a `ParseError` that names the
/// line, the column and what is wrong. The command's declaration says what its arguments
/// are (`CommandGrammar`); parsing never looks at a file: `$` stays symbolic.
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
            return try ArgumentReader.command(from: tokens)
        } catch {
            throw ParseError(line: lineNumber, column: error.column, message: error.message)
        }
    }
}

/// Reads a command's name and arguments from its tokens, left to right, as its grammar says.
struct ArgumentReader {
    typealias Failure = CommandLexer.Failure
    typealias Parameter = CommandGrammar.Parameter
    let tokens: [CommandLexer.Token]
    var next = 1
    private(set) var name = ""
    private var declaration: CommandDeclaration?
    private var grammar = CommandGrammar()
    /// Positionals the selection stands in for on this reading (see `command(from:)`).
    var leftOut: Set<String> = []

    init(tokens: [CommandLexer.Token]) {
        self.tokens = tokens
    }

    mutating func command() throws(Failure) -> Command {
        let first = tokens[0]
        guard let word = first.word else {
            throw Failure(column: first.column, message: "expected a command name, found a string")
        }
        guard let declaration = CommandTable.declaration(named: word) else {
            throw Failure(column: first.column, message: "unknown command '\(word)' (try: help)")
        }
        name = word
        self.declaration = declaration
        grammar = declaration.grammar
        var arguments: [String: CommandArgument] = [:]
        for parameter in grammar.positionals where !leftOut.contains(parameter.name) {
            if parameter.optional && (!hasMore || isOptionKeyword(tokens[next])) { break }
            try read(parameter, into: &arguments)
        }
        var used: Set<String> = []
        while hasMore {
            let token = tokens[next]
            guard let word = token.word, let option = grammar.option(named: word), !used.contains(option.keyword) else {
                throw unexpected(token)
            }
            if let conflict = exclusive(with: option).first(where: used.contains) {
                throw Failure(
                    column: token.column, message: "\(name): '\(word)' and '\(conflict)' cannot go together\(usageHint)"
                )
            }
            next += 1
            used.insert(option.keyword)
            if let value = option.value {
                try read(value, after: "'\(option.keyword)'", into: &arguments, as: option.keyword)
            } else {
                arguments[option.keyword] = .flag
            }
        }
        return Command(declaration.name, arguments)
    }

    private func unexpected(_ token: CommandLexer.Token) -> Failure {
        let shown = token.word.map { "'\($0)'" } ?? "string"
        return Failure(column: token.column, message: "\(name): unexpected \(shown)\(usageHint)")
    }

    /// The other options of `option`'s group.
    private func exclusive(with option: CommandGrammar.Option) -> [String] {
        guard let group = grammar.optionGroups.first(where: { $0.contains { $0.keyword == option.keyword } }) else {
            return []
        }
        return group.map(\.keyword).filter { $0 != option.keyword }
    }

    func isOptionKeyword(_ token: CommandLexer.Token) -> Bool {
        token.word.map { grammar.option(named: $0) != nil } ?? false
    }

    private var usageHint: String {
        let usage = declaration?.usage ?? name
        return usage == name ? " (takes no arguments)" : " (usage: \(usage))"
    }

    var hasMore: Bool { next < tokens.count }

    /// The column just past the last token, where a missing argument would have gone.
    var endColumn: Int { tokens[tokens.count - 1].endColumn + 1 }

    // MARK: - One parameter

    /// Reads `parameter`, storing it under `key` (its name unless an option names it).
    private mutating func read(
        _ parameter: Parameter, after what: String? = nil, into arguments: inout [String: CommandArgument],
        as key: String? = nil
    ) throws(Failure) {
        let label = what.map { "\(parameter.name) after \($0)" } ?? parameter.name
        let key = key ?? parameter.name
        switch parameter.kind {
        case .number:
            let (word, column) = try takeWord(label)
            arguments[key] = .number(try Self.number(word, column: column, what: "\(name): \(label)"))
        case .goto:
            arguments[key] = .goto(try gotoTarget(label))
        case .bytes:
            arguments[key] = .bytes(try bytes(label))
        case .byte:
            arguments[key] = .byte(try singleByte(label))
        case .markName:
            let (word, column) = try takeWord(label)
            guard let mark = Marks.name(word) else {
                throw Failure(column: column, message: "\(name): \(label) must be a letter (a-z, A-Z), not '\(word)'")
            }
            arguments[key] = .word(String(mark))
        case .pattern:
            arguments[key] = .pattern(try pattern(label))
        case .choice(let words):
            let (word, column) = try takeWord(label)
            guard words.contains(word.lowercased()) else {
                let kind = ["HINT": "hint", "TYPE": "type"][parameter.name] ?? "word"
                throw Failure(
                    column: column,
                    message: words.count <= 3
                        ? "\(name): expected \(words.joined(separator: " or ")), not '\(word)'"
                        : "\(name): unknown \(kind) '\(word)' (known: \(words.joined(separator: " ")))")
            }
            arguments[key] = .word(word.lowercased())
        case .word:
            let (word, _) = try takeWord(label)
            arguments[key] = .word(word)
        case .setting:
            try setting(into: &arguments)
        case .scalar(let typeKey):
            arguments[key] = .word(try scalar(label, type: arguments[typeKey]))
        case .fields:
            arguments[key] = .word(try structArgument())
        }
    }

    private mutating func take(_ what: String) throws(Failure) -> CommandLexer.Token {
        guard next < tokens.count else {
            throw Failure(column: endColumn, message: "\(name): missing \(what)\(usageHint)")
        }
        next += 1
        return tokens[next - 1]
    }

    mutating func takeWord(_ what: String) throws(Failure) -> (String, Int) {
        let token = try take(what)
        guard let word = token.word else {
            throw Failure(column: token.column, message: "\(name): \(what) must be a number, not a string")
        }
        return (word, token.column)
    }

    // MARK: Numbers

    /// `$`, `$-N`, a mark `'a`, or a non-negative literal (see `NumberLiteral`).
    static func number(_ word: String, column: Int, what: String) throws(Failure) -> NumberArgument {
        if word.hasPrefix("'") {
            guard let name = Marks.name(String(word.dropFirst())) else {
                throw Failure(column: column, message: "\(what): bad mark '\(word)' (a mark is ' and a letter: 'a)")
            }
            return .mark(name)
        }
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

    private mutating func gotoTarget(_ label: String) throws(Failure) -> GotoTarget {
        let (word, column) = try takeWord(label)
        if word.hasPrefix("+") || word.hasPrefix("-") {
            let distance = try Self.literal(String(word.dropFirst()), column: column + 1, what: "\(name): \(label)")
            return word.hasPrefix("+") ? .forward(distance) : .backward(distance)
        }
        return .position(try Self.number(word, column: column, what: "\(name): \(label)"))
    }

    // MARK: Bytes

    /// Hex pairs (spaces optional) and quoted strings, up to the end or an option keyword.
    private mutating func bytes(_ label: String) throws(Failure) -> [UInt8] {
        var result: [UInt8] = []
        let startColumn = next < tokens.count ? tokens[next].column : endColumn
        while next < tokens.count {
            let token = tokens[next]
            if isOptionKeyword(token) { break }
            switch token.kind {
            case .string(let bytes):
                result += bytes
            case .word(let word):
                try Self.appendHex(word, column: token.column, to: &result, what: name)
            }
            next += 1
        }
        if result.isEmpty {
            throw Failure(column: startColumn, message: "\(name): missing \(label)\(usageHint)")
        }
        return result
    }

    static func appendHex(_ word: String, column: Int, to result: inout [UInt8], what: String) throws(Failure) {
        var characterColumn = column
        var values: [UInt8] = []
        values.reserveCapacity(word.utf8.count)
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
                column: column, message: "\(what): odd number of hex digits in '\(word)' (bytes are pairs like 0a)")
        }
        var index = 0
        while index < values.count {
            result.append(values[index] << 4 | values[index + 1])
            index += 2
        }
    }

    /// A search pattern, up to the end or an option keyword (see `BytePattern`).
    private mutating func pattern(_ label: String) throws(Failure) -> BytePattern {
        var values: [UInt8] = []
        var masks: [UInt8] = []
        let startColumn = next < tokens.count ? tokens[next].column : endColumn
        while next < tokens.count {
            let token = tokens[next]
            if isOptionKeyword(token) { break }
            switch token.kind {
            case .string(let bytes):
                values += bytes
                masks += [UInt8](repeating: 0xFF, count: bytes.count)
            case .word("i") where next + 1 < tokens.count && tokens[next + 1].glued:
                guard case .string(let bytes) = tokens[next + 1].kind else {
                    throw Failure(
                        column: token.column, message: "\(name): i must be followed by a \"string\" (i\"text\")")
                }
                for byte in bytes {
                    let letter = (0x41...0x5A).contains(byte & 0xDF) && byte & 0x40 != 0
                    values.append(letter ? byte & 0xDF : byte)
                    masks.append(letter ? 0xDF : 0xFF)
                }
                next += 1
            case .word(let word):
                try Self.appendPatternItems(word, column: token.column, values: &values, masks: &masks, what: name)
            }
            next += 1
        }
        if values.isEmpty {
            throw Failure(column: startColumn, message: "\(name): missing \(label)\(usageHint)")
        }
        return BytePattern(values: values, masks: masks)
    }

    /// Bytes of a pattern word: pairs of nibbles, each a hex digit or `?`.
    static func appendPatternItems(
        _ word: String, column: Int, values: inout [UInt8], masks: inout [UInt8], what: String
    ) throws(Failure) {
        var nibbles: [(value: UInt8, fixed: Bool)] = []
        var characterColumn = column
        for scalar in word.unicodeScalars {
            if scalar == "?" {
                nibbles.append((0, false))
            } else if scalar.isASCII, let value = hexDigitValue(UInt8(scalar.value)) {
                nibbles.append((value, true))
            } else {
                throw Failure(
                    column: characterColumn,
                    message:
                        "\(what): bad hex digit '\(scalar)' in '\(word)' (a pattern is hex pairs, ??, 4?, \"text\" or i\"text\")"
                )
            }
            characterColumn += 1
        }
        if nibbles.count % 2 != 0 {
            throw Failure(
                column: column,
                message:
                    "\(what): odd number of nibbles in '\(word)' (a byte is two: 0a, ?? or a wildcard nibble like 4?)")
        }
        var index = 0
        while index < nibbles.count {
            let (high, low) = (nibbles[index], nibbles[index + 1])
            values.append(high.value << 4 | low.value)
            masks.append((high.fixed ? 0xF0 : 0) | (low.fixed ? 0x0F : 0))
            index += 2
        }
    }

    private mutating func singleByte(_ label: String) throws(Failure) -> UInt8 {
        let token = try take(label)
        switch token.kind {
        case .string(let bytes):
            guard bytes.count == 1 else {
                throw Failure(
                    column: token.column, message: "\(name): \(label) must be one byte, the string has \(bytes.count)")
            }
            return bytes[0]
        case .word(let word):
            if word.lowercased().hasPrefix("0x") {
                let value = try Self.literal(word, column: token.column, what: "\(name): \(label)")
                guard value <= 0xFF else {
                    throw Failure(
                        column: token.column, message: "\(name): \(label) must be at most 0xff, not '\(word)'")
                }
                return UInt8(value)
            }
            var bytes: [UInt8] = []
            try Self.appendHex(word, column: token.column, to: &bytes, what: name)
            guard bytes.count == 1 else {
                throw Failure(
                    column: token.column, message: "\(name): \(label) must be one hex pair like ff, not '\(word)'")
            }
            return bytes[0]
        }
    }

    // MARK: Settings

    /// `NAME=VALUE` or `NAME VALUE`, checked against the setting's values.
    private mutating func setting(into arguments: inout [String: CommandArgument]) throws(Failure) {
        let (word, column) = try takeWord("NAME")
        var settingName = word
        var value: String
        var valueColumn: Int
        if let equals = word.firstIndex(of: "=") {
            settingName = String(word[..<equals])
            value = String(word[word.index(after: equals)...])
            valueColumn = column + settingName.count + 1
        } else {
            (value, valueColumn) = ("", column)
        }
        guard let setting = Settings.named(settingName) else {
            let known = Settings.all.map { "\($0.name)=\($0.valuesUsage)" }.joined(separator: " ")
            throw Failure(column: column, message: "\(name): unknown setting '\(settingName)' (known: \(known))")
        }
        if !word.contains("=") {
            (value, valueColumn) = try takeWord("VALUE for \(settingName)")
        }
        if let problem = setting.problem(with: value) {
            throw Failure(column: valueColumn, message: problem)
        }
        arguments["NAME"] = .word(settingName)
        arguments["VALUE"] = .word(value)
    }
}
