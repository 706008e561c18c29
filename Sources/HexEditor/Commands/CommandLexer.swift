import HexDump

/// Splits one line of the command language into tokens, tracking columns for messages.
///
/// A line is bytes, checked first: no NUL, valid UTF-8, at most `maximumLineLength` bytes.
/// Tokens are words (runs of anything but blanks, `#` and `"`) and quoted strings with C escapes.
/// `#` outside a string ends the line. One leading `:` is skipped.
struct CommandLexer {
    /// Longer lines are refused before they are tokenized: a script line is a command, and
    /// a megabyte of hex is already far more than anyone types or generates by accident.
    static let maximumLineLength = 1 << 20

    struct Token: Equatable {
        enum Kind: Equatable {
            /// The word's text (ASCII in any valid command; other text only fails later).
            case word(String)
            /// A quoted string's bytes, escapes decoded.
            case string([UInt8])
        }
        var kind: Kind
        /// 1-based column of the token's first character.
        var column: Int
        /// Column of the character after the token.
        var endColumn: Int
        /// Whether it touches the token before it, with no blank between (`i"text"`).
        var glued = false

        var word: String? {
            if case .word(let text) = kind { return text }
            return nil
        }
    }

    struct Failure: Error, Equatable {
        var column: Int
        var message: String
    }

    /// The tokens of `line`, or the column and message of the first problem.
    static func tokenize(_ line: [UInt8]) throws(Failure) -> [Token] {
        try check(line)
        var lexer = CommandLexer(line: line)
        return try lexer.run()
    }

    /// Refuses what no command can contain: an overlong line, NUL bytes, invalid UTF-8.
    private static func check(_ line: [UInt8]) throws(Failure) {
        if line.count > maximumLineLength {
            throw Failure(
                column: 1,
                message:
                    "line too long: \(line.count) bytes (at most \(maximumLineLength); split the data over several commands)"
            )
        }
        var index = 0
        var column = 1
        while index < line.count {
            let byte = line[index]
            if byte == 0 {
                throw Failure(column: column, message: "NUL byte in the script")
            }
            let length = UTF8Validation.sequenceLength(line, at: index)
            if length == 0 {
                throw Failure(column: column, message: "invalid UTF-8 (byte 0x\(Hex.pair(byte)))")
            }
            index += length
            column += 1
        }
    }

    private let line: [UInt8]
    private var index = 0
    private var column = 1

    private init(line: [UInt8]) {
        self.line = line
    }

    private var current: UInt8? { index < line.count ? line[index] : nil }

    /// Steps over one byte, counting a column for each character (not for continuation bytes).
    private mutating func advance() {
        column += 1
        index += 1
        // Continuation bytes belong to the character just counted.
        while index < line.count, line[index] & 0xC0 == 0x80 { index += 1 }
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\n") || byte == 0x0B || byte == 0x0C
    }

    private mutating func run() throws(Failure) -> [Token] {
        var tokens: [Token] = []
        skipBlanks()
        if current == UInt8(ascii: ":") { advance() }
        while true {
            let before = index
            skipBlanks()
            let glued = !tokens.isEmpty && index == before
            guard let byte = current, byte != UInt8(ascii: "#") else { break }
            var token = byte == UInt8(ascii: "\"") ? try quotedString() : word()
            token.glued = glued
            tokens.append(token)
        }
        return tokens
    }

    private mutating func skipBlanks() {
        while let byte = current, Self.isBlank(byte) { advance() }
    }

    private mutating func word() -> Token {
        let start = index
        let startColumn = column
        while let byte = current, !Self.isBlank(byte), byte != UInt8(ascii: "#"),
            byte != UInt8(ascii: "\"")
        {
            advance()
        }
        let text = String(decoding: line[start..<index], as: UTF8.self)
        return Token(kind: .word(text), column: startColumn, endColumn: column)
    }

    private mutating func quotedString() throws(Failure) -> Token {
        let startColumn = column
        advance()  // the opening quote
        var bytes: [UInt8] = []
        while true {
            guard let byte = current else {
                throw Failure(column: startColumn, message: "unterminated string (no closing \")")
            }
            if byte == UInt8(ascii: "\"") {
                advance()
                return Token(kind: .string(bytes), column: startColumn, endColumn: column)
            }
            if byte == UInt8(ascii: "\\") {
                bytes.append(try escape())
                continue
            }
            // Copy the whole character, continuation bytes included.
            let start = index
            advance()
            bytes.append(contentsOf: line[start..<index])
        }
    }

    /// Decodes the escape at the current backslash: `\n \r \t \\ \" \' \a \b \e \f \v`,
    /// `\xHH`, and octal `\N`, `\NN`, `\NNN` as in C (`\0` is NUL, `\012` a newline).
    private mutating func escape() throws(Failure) -> UInt8 {
        let escapeColumn = column
        advance()  // the backslash
        guard let byte = current else {
            throw Failure(column: escapeColumn, message: "unterminated string (it ends in a backslash)")
        }
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
            UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "\""): 0x22,
            UInt8(ascii: "'"): 0x27, UInt8(ascii: "a"): 0x07, UInt8(ascii: "b"): 0x08,
            UInt8(ascii: "e"): 0x1B, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "v"): 0x0B,
        ]
        if let decoded = simple[byte] {
            advance()
            return decoded
        }
        if (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(byte) {
            var value = 0
            var digits = 0
            while digits < 3, let digit = current, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(digit) {
                value = value * 8 + Int(digit - UInt8(ascii: "0"))
                digits += 1
                advance()
            }
            guard value <= 0xFF else {
                throw Failure(
                    column: escapeColumn,
                    message: "bad escape: octal \\\(String(value, radix: 8)) is more than a byte (at most \\377)")
            }
            return UInt8(value)
        }
        if byte == UInt8(ascii: "x") {
            advance()
            var value: UInt8 = 0
            for _ in 0..<2 {
                guard let digit = current.flatMap(hexDigitValue) else {
                    throw Failure(
                        column: escapeColumn, message: "bad escape: \\x needs two hex digits")
                }
                value = value << 4 | digit
                advance()
            }
            return value
        }
        let character = String(
            decoding: line[index..<min(line.count, index + Self.sequenceLength(of: byte))], as: UTF8.self)
        throw Failure(
            column: escapeColumn,
            message:
                "bad escape \\\(character) (known: \\n \\r \\t \\\\ \\\" \\' \\a \\b \\e \\f \\v \\xHH, octal \\0 to \\377)"
        )
    }

    private static func sequenceLength(of lead: UInt8) -> Int {
        switch lead {
        case 0xC0...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF7: 4
        default: 1
        }
    }
}

/// The value of one ASCII hex digit, or nil.
func hexDigitValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
}
