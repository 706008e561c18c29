/// The parameter kinds of the typed views: `poke`'s VALUE and `struct`'s FIELDS.
extension ArgumentReader {
    /// A VALUE for `poke`: a number literal that fits the type read before it.
    mutating func scalar(_ label: String, type typeArgument: CommandArgument?) throws(Failure) -> String {
        let (word, column) = try takeWord(label)
        guard let literal = ScalarLiteral(word) else {
            throw Failure(
                column: column,
                message:
                    "\(name): bad \(label) '\(word)' (decimal, 0x hex, - for negative, or a float: 1.5 -2e-3 inf nan)")
        }
        if case .word(let typeName)? = typeArgument, let type = ScalarType(rawValue: typeName),
            case .failure(let mismatch) = type.encode(literal)
        {
            throw Failure(column: column, message: "\(name): \(mismatch.message)")
        }
        return word
    }

    /// `struct`'s words up to an option keyword, checked now (a bad field is a syntax error
    /// with its column) and written back in one normal form.
    mutating func structArgument() throws(Failure) -> String {
        var units: [StructFieldParser.Unit] = []
        var end = endColumn
        while hasMore, !isOptionKeyword(tokens[next]) {
            let token = tokens[next]
            guard let word = token.word else {
                throw Failure(column: token.column, message: "\(name): FIELDS are words, not a string")
            }
            if !units.isEmpty { units.append((" ", token.column - 1)) }
            for (index, character) in word.enumerated() { units.append((character, token.column + index)) }
            end = token.endColumn + 1
            next += 1
        }
        do {
            return try StructRequest.parse(units, endColumn: end).text
        } catch {
            throw Failure(column: error.column, message: "\(name): \(error.message)")
        }
    }
}
