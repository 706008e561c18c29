/// Parses FIELDS (`u32le magic, u16le count, char[count] name`) with the column of each
/// problem, for the `struct` command (columns of its line) and definition files (columns of
/// the file's line; lines there separate fields as commas do).
enum StructFieldParser {
    /// A problem at a 1-based column.
    struct Failure: Error, Equatable {
        var column: Int
        var message: String
    }

    /// Words that cannot name a field or a definition (`at` ends FIELDS on a command line).
    static let reservedNames: Set<String> = ["at", "define", "off"]

    /// One character of the text, and the column it came from.
    typealias Unit = (character: Character, column: Int)

    /// Parses `units` into fields, after `earlier` ones (a file's previous lines).
    static func parse(_ units: [Unit], after earlier: [StructDefinition.Field] = [], endColumn: Int)
        throws(Failure) -> [StructDefinition.Field]
    {
        var parser = Parser(units: units, fields: earlier, endColumn: endColumn)
        try parser.run()
        return Array(parser.fields.dropFirst(earlier.count))
    }

    /// The units of plain text starting at column 1.
    static func units(_ text: String) -> [Unit] {
        text.enumerated().map { ($0.element, $0.offset + 1) }
    }

    /// Whether `name` can name a field or a definition: a letter or `_`, then letters, digits, `_`.
    static func isIdentifier(_ name: some StringProtocol) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    private struct Parser {
        let units: [Unit]
        var fields: [StructDefinition.Field]
        let endColumn: Int
        var index = 0

        init(units: [Unit], fields: [StructDefinition.Field], endColumn: Int) {
            self.units = units
            self.fields = fields
            self.endColumn = endColumn
        }

        var column: Int { index < units.count ? units[index].column : endColumn }
        var current: Character? { index < units.count ? units[index].character : nil }

        mutating func skipSpaces() {
            while let character = current, character == " " || character == "\t" { index += 1 }
        }

        /// Letters, digits and `_` (and, for a type, the bracketed length after them).
        mutating func word(withBrackets: Bool) -> (String, Int) {
            let start = column
            var text = ""
            while let character = current, character.isASCII,
                character.isLetter || character.isNumber || character == "_"
            {
                text.append(character)
                index += 1
            }
            if withBrackets, current == "[" {
                while let character = current {
                    text.append(character)
                    index += 1
                    if character == "]" { break }
                }
            }
            return (text, start)
        }

        mutating func run() throws(Failure) {
            let before = fields.count
            while true {
                skipSpaces()
                guard current != nil else {
                    if fields.count == before {
                        throw Failure(column: column, message: "missing FIELDS (TYPE NAME, TYPE NAME, ...)")
                    }
                    throw Failure(column: column, message: "missing a field after ','")
                }
                try field()
                skipSpaces()
                guard let next = current else { return }
                guard next == "," else {
                    throw Failure(column: column, message: "expected ',' between fields, found '\(next)'")
                }
                index += 1
            }
        }

        mutating func field() throws(Failure) {
            let (typeText, typeColumn) = word(withBrackets: true)
            guard !typeText.isEmpty else {
                throw Failure(column: typeColumn, message: "expected a type, found '\(current!)'")
            }
            let type = try fieldType(typeText, column: typeColumn)
            skipSpaces()
            let (name, nameColumn) = word(withBrackets: false)
            guard !name.isEmpty else {
                let found = current.map { "found '\($0)'" } ?? "found the end"
                throw Failure(column: nameColumn, message: "missing the name of the \(typeText) field (\(found))")
            }
            guard isIdentifier(name) else {
                throw Failure(column: nameColumn, message: "bad field name '\(name)' (a letter or _ first)")
            }
            guard !reservedNames.contains(name) else {
                throw Failure(column: nameColumn, message: "'\(name)' cannot name a field (it is a keyword)")
            }
            guard !fields.contains(where: { $0.name == name }) else {
                throw Failure(column: nameColumn, message: "two fields are named '\(name)'")
            }
            fields.append(StructDefinition.Field(type: type, name: name))
        }

        func fieldType(_ text: String, column: Int) throws(Failure) -> StructDefinition.FieldType {
            if let scalar = ScalarType(rawValue: text) { return .scalar(scalar) }
            guard let open = text.firstIndex(of: "[") else {
                throw Failure(column: column, message: "unknown type '\(text)' (known: \(StructFieldParser.typeNames))")
            }
            let base = String(text[..<open])
            guard base == "u8" || base == "char" else {
                throw Failure(
                    column: column,
                    message: "'\(base)[...]': only u8[N] and char[N] are arrays (known: \(StructFieldParser.typeNames))"
                )
            }
            let lengthColumn = column + base.count + 1
            guard text.hasSuffix("]"), text.count > base.count + 2 else {
                throw Failure(column: lengthColumn, message: "\(base)[N] needs a length N and a closing ']'")
            }
            let lengthText = String(text.dropFirst(base.count + 1).dropLast())
            let length: StructDefinition.Length
            if let count = NumberLiteral.value(of: lengthText) {
                length = .fixed(count)
            } else if isIdentifier(lengthText) {
                guard let earlier = fields.first(where: { $0.name == lengthText }) else {
                    throw Failure(
                        column: lengthColumn,
                        message: "'\(lengthText)' is not an earlier field (N is a number or an earlier integer field)")
                }
                guard case .scalar(let type) = earlier.type, !type.isFloat else {
                    throw Failure(
                        column: lengthColumn,
                        message: "'\(lengthText)' is a \(earlier.type.text) field: a length must be an integer field")
                }
                length = .field(lengthText)
            } else {
                throw Failure(
                    column: lengthColumn, message: "bad length '\(lengthText)' (a number or an earlier integer field)")
            }
            return base == "u8" ? .bytes(length) : .characters(length)
        }
    }

    /// Every type name, for messages.
    static let typeNames = (ScalarType.allCases.map(\.rawValue) + ["u8[N]", "char[N]"]).joined(separator: " ")
}
