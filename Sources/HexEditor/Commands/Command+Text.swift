import HexDump

/// A command written back as a line of the language: what `help` examples, history and
/// tests compare. Parsing the text gives the same command again.
extension Command {
    public var text: String {
        guard let declaration else { return name }
        var parts = [name]
        for parameter in declaration.grammar.positionals {
            // Positionals the selection stands in for may be missing before later ones (`fill 00`).
            guard let argument = arguments[parameter.name] else { continue }
            if case .setting = parameter.kind {
                parts.append("\(word("NAME") ?? "")=\(word("VALUE") ?? "")")
            } else {
                parts.append(Self.text(of: argument))
            }
        }
        for option in declaration.grammar.options {
            guard let argument = arguments[option.keyword] else { continue }
            parts.append(option.keyword)
            if argument != .flag { parts.append(Self.text(of: argument)) }
        }
        return parts.joined(separator: " ")
    }

    private static func text(of argument: CommandArgument) -> String {
        switch argument {
        case .number(let number): text(of: number)
        case .goto(.position(let number)): text(of: number)
        case .goto(.forward(let distance)): "+\(distance)"
        case .goto(.backward(let distance)): "-\(distance)"
        case .bytes(let bytes): bytes.map(Hex.pair).joined(separator: " ")
        case .byte(let byte): Hex.pair(byte)
        case .pattern(let pattern): pattern.text
        case .word(let word): word
        case .flag: ""
        }
    }

    private static func text(of number: NumberArgument) -> String {
        switch number {
        case .value(let value): String(value)
        case .fromEnd(0): "$"
        case .fromEnd(let distance): "$-\(distance)"
        case .mark(let name): "'\(name)"
        }
    }
}
