/// What follows `struct` on a command line: `off`, `define NAME FIELDS`, a definition's NAME,
/// or FIELDS. Parsed when the line is parsed, so a bad field is a syntax error with its column;
/// a NAME is looked up when the command runs (a script may `define` it on an earlier line).
public enum StructRequest: Equatable, Sendable {
    case off
    case define(name: String, StructDefinition)
    case named(String)
    case inline(StructDefinition)

    /// Parses the units of the argument (`endColumn`: where a missing word would go).
    static func parse(_ units: [StructFieldParser.Unit], endColumn: Int) throws(StructFieldParser.Failure)
        -> StructRequest
    {
        let words = splitWords(units)
        guard let first = words.first else {
            throw StructFieldParser.Failure(column: endColumn, message: "missing FIELDS or a NAME")
        }
        switch first.text {
        case "off":
            if words.count > 1 {
                throw StructFieldParser.Failure(column: words[1].column, message: "'struct off' takes nothing more")
            }
            return .off
        case "define":
            guard words.count > 1 else {
                throw StructFieldParser.Failure(
                    column: endColumn, message: "missing the NAME after 'define' (struct define NAME FIELDS)")
            }
            let name = words[1]
            try checkName(name.text, column: name.column)
            let rest = Array(units[name.end...])
            guard rest.contains(where: { $0.character != " " }) else {
                throw StructFieldParser.Failure(
                    column: endColumn, message: "missing FIELDS after 'define \(name.text)'")
            }
            let fields = try StructFieldParser.parse(rest, endColumn: endColumn)
            return .define(name: name.text, StructDefinition(fields: fields))
        default:
            if words.count == 1, StructFieldParser.isIdentifier(first.text), ScalarType(rawValue: first.text) == nil {
                return .named(first.text)
            }
            return .inline(StructDefinition(fields: try StructFieldParser.parse(units, endColumn: endColumn)))
        }
    }

    static func checkName(_ name: String, column: Int) throws(StructFieldParser.Failure) {
        guard StructFieldParser.isIdentifier(name) else {
            throw StructFieldParser.Failure(
                column: column, message: "bad struct name '\(name)' (letters, digits and _, a letter first)")
        }
        guard !StructFieldParser.reservedNames.contains(name), ScalarType(rawValue: name) == nil else {
            throw StructFieldParser.Failure(
                column: column, message: "'\(name)' cannot name a struct (it is a keyword or a type)")
        }
    }

    /// The argument written back: it parses to the same request.
    var text: String {
        switch self {
        case .off: "off"
        case .define(let name, let definition): "define \(name) \(definition.text)"
        case .named(let name): name
        case .inline(let definition): definition.text
        }
    }

    private struct Word {
        var text: String
        var column: Int
        /// The index of the unit after the word.
        var end: Int
    }

    private static func splitWords(_ units: [StructFieldParser.Unit]) -> [Word] {
        var words: [Word] = []
        var index = 0
        while index < units.count {
            if units[index].character == " " || units[index].character == "\t" {
                index += 1
                continue
            }
            var word = Word(text: "", column: units[index].column, end: index)
            while index < units.count, units[index].character != " ", units[index].character != "\t" {
                word.text.append(units[index].character)
                index += 1
            }
            word.end = index
            words.append(word)
        }
        return words
    }
}
