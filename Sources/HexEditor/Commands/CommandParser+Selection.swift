/// Commands whose required range positionals the selection may stand in for (`fill OFF LEN
/// BYTE` written `fill 00` while bytes are selected; see `SelectionUse`).
extension ArgumentReader {
    /// The command in `tokens`, read as its grammar says; when that fails and the grammar
    /// lets the selection stand in for required positionals, read again without them. The
    /// first reading's error is the one reported: it names what the full form misses.
    static func command(from tokens: [CommandLexer.Token]) throws(Failure) -> Command {
        var reader = ArgumentReader(tokens: tokens)
        do {
            return try reader.command()
        } catch {
            guard let names = rangePositionals(of: tokens) else { throw error }
            var retry = ArgumentReader(tokens: tokens)
            retry.leftOut = names
            guard let command = try? retry.command() else { throw error }
            return command
        }
    }

    /// The required positionals of the command in `tokens` that its selection use names.
    private static func rangePositionals(of tokens: [CommandLexer.Token]) -> Set<String>? {
        guard let name = tokens.first?.word, let grammar = CommandTable.declaration(named: name)?.grammar,
            let use = grammar.selection
        else { return nil }
        let required = Set(grammar.positionals.filter { !$0.optional }.map(\.name))
        let names = Set(use.names).intersection(required)
        return names.isEmpty ? nil : names
    }
}
