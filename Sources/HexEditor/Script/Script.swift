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
        var lines: [Line] = []
        var lineNumber = 0
        // Editors on some systems begin UTF-8 files with a byte order mark; it is not a command.
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var text = Array(bytes[start..<end])
            if text.last == 0x0D { text.removeLast() }
            try parseLine(text, number: lineNumber, into: &lines, name: name)
            start = end + 1
        }
        return Script(name: name, lines: lines)
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

    private static func parseLine(_ text: [UInt8], number: Int, into lines: inout [Line], name: String)
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
