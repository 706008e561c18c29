/// A whole script, parsed before anything runs: its name for messages (the script's path,
/// `-` for standard input, `-c` for commands given with -c) and its commands by line number.
public struct Script: Sendable {
    public struct Line: Sendable, Equatable {
        public let number: Int
        public let command: Command
    }

    public let name: String
    public let lines: [Line]

    /// Parses a script file's bytes: lines end in `\n` (a `\r` before it is dropped); blank
    /// lines and `#` comments are skipped, and so is a UTF-8 byte order mark at the start.
    /// The first syntax error stops the parse.
    public static func parse(_ bytes: [UInt8], name: String) throws(ScriptSyntaxError) -> Script {
        var reader = Reader(name: name)
        try reader.feed(bytes)
        return try reader.finish()
    }

    /// At most this many commands in one script: they are all held in memory before the first
    /// runs, and an endless input (`yes info | hexmap f -s -`) must end in an error, not in
    /// running out of memory.
    public static let maximumCommands = 4_000_000

    /// Parses a script as it is read, a chunk at a time, so that an endless or malformed input
    /// is refused as soon as it shows: a line longer than the limit, or a syntax error, stops
    /// the reading at once, and memory never holds more than one unfinished line.
    public struct Reader {
        let name: String
        private var lines: [Line] = []
        private var pending: [UInt8] = []
        private var lineNumber = 0
        private var sawStart = false

        public init(name: String) {
            self.name = name
        }

        /// Takes the next bytes of the script.
        public mutating func feed(_ bytes: some Collection<UInt8>) throws(ScriptSyntaxError) {
            var chunk = Array(bytes)[...]
            if !sawStart {
                // Wait for three bytes to tell a byte order mark (editors add one) from text.
                pending += chunk
                guard pending.count >= 3 else { return }
                sawStart = true
                chunk = (pending.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(pending.dropFirst(3)) : pending)[...]
                pending = []
            }
            while let newline = chunk.firstIndex(of: 0x0A) {
                pending += chunk[chunk.startIndex..<newline]
                try completeLine()
                chunk = chunk[(newline + 1)...]
            }
            pending += chunk
            if pending.count > CommandLexer.maximumLineLength {
                throw ScriptSyntaxError(
                    scriptName: name,
                    error: ParseError(
                        line: lineNumber + 1, column: 1,
                        message: "line too long: more than \(CommandLexer.maximumLineLength) bytes without a newline"))
            }
        }

        /// The parsed script, once the input has ended.
        public mutating func finish() throws(ScriptSyntaxError) -> Script {
            if !sawStart {
                // A script shorter than three bytes.
                sawStart = true
                let start = pending
                pending = []
                try feed(start)
            }
            if !pending.isEmpty { try completeLine() }
            return Script(name: name, lines: lines)
        }

        private mutating func completeLine() throws(ScriptSyntaxError) {
            lineNumber += 1
            var text = pending
            pending = []
            if text.last == 0x0D { text.removeLast() }
            try Script.parseLine(text, number: lineNumber, into: &lines, name: name)
            if lines.count > Script.maximumCommands {
                throw ScriptSyntaxError(
                    scriptName: name,
                    error: ParseError(
                        line: lineNumber, column: 1,
                        message: "too many commands: at most \(Script.maximumCommands) in one script (split it)"))
            }
        }
    }

    /// Parses the commands given with -c, one line each (line N is the Nth -c).
    public static func parse(commands: [String], name: String = "-c") throws(ScriptSyntaxError) -> Script {
        var lines: [Line] = []
        for (index, command) in commands.enumerated() {
            let text = Array(command.utf8)
            if let newline = text.firstIndex(of: 0x0A) {
                let column = String(decoding: text[..<newline], as: UTF8.self).unicodeScalars.count + 1
                throw ScriptSyntaxError(
                    scriptName: name,
                    error: ParseError(
                        line: index + 1, column: column,
                        message: "a -c command must be one line (give each command its own -c, or use -s)"))
            }
            try parseLine(text, number: index + 1, into: &lines, name: name)
        }
        return Script(name: name, lines: lines)
    }

    fileprivate static func parseLine(_ text: [UInt8], number: Int, into lines: inout [Line], name: String)
        throws(ScriptSyntaxError)
    {
        do {
            if let command = try CommandParser.parse(bytes: text, lineNumber: number) {
                lines.append(Line(number: number, command: command))
            }
        } catch {
            throw ScriptSyntaxError(scriptName: name, error: error)
        }
    }
}

/// A syntax error in a script: `SCRIPT:LINE:COLUMN: message`.
public struct ScriptSyntaxError: Error, Equatable, CustomStringConvertible {
    public let scriptName: String
    public let error: ParseError

    public var description: String {
        "\(scriptName):\(error.line):\(error.column): \(error.message)"
    }
}
