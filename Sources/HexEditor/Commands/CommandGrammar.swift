/// The arguments a command takes, declared once: the parser reads them, `help` prints them as
/// the usage line, and Tab completion offers their keywords and choices.
///
/// A grammar is positional parameters (the required ones, then optional ones: `print [OFF
/// [LEN]]` takes LEN only after OFF), then keyword options in any order, each at most once
/// (`find BYTES [from OFF] [all]`). Options in one group exclude each other (`[all | count]`).
public struct CommandGrammar: Sendable {
    public struct Parameter: Sendable {
        public enum Kind: Sendable {
            /// A non-negative number, `$`, `$-N`, or a mark (`'a`).
            case number
            /// A number, or `+N` / `-N` from the cursor.
            case goto
            /// Hex pairs and quoted strings, up to the next option keyword.
            case bytes
            /// One byte: a hex pair, `0x..`, or a one-character string.
            case byte
            /// A mark's name: one letter (`mark a`).
            case markName
            /// A search pattern, up to the next option keyword: hex pairs, `??`, nibble
            /// wildcards `4?` / `?d`, `"text"`, `i"text"` (ASCII case ignored).
            case pattern
            /// One of these words.
            case choice([String])
            /// Any word; `completions` names where Tab finds candidates.
            case word(completions: Completions)
            /// A setting: `NAME VALUE` or `NAME=VALUE` (see `Settings`).
            case setting
            /// A number for `poke`: negative, hex or a float; checked against the type the
            /// parameter `type` named (`VALUE does not fit TYPE`).
            case scalar(type: String)
            /// `struct`'s words up to `at`: FIELDS, a NAME, `define NAME FIELDS` or `off`.
            case fields
        }

        /// Where Tab completion finds the words a `.word` parameter can take.
        public enum Completions: Sendable {
            case none
            case commandNames
        }

        public let name: String
        public let kind: Kind
        public let optional: Bool

        public init(_ name: String, _ kind: Kind, optional: Bool = false) {
            self.name = name
            self.kind = kind
            self.optional = optional
        }

        /// The words Tab offers for this parameter (choices, command names).
        var choices: [String] {
            switch kind {
            case .choice(let words): words
            case .word(.commandNames): CommandTable.all.flatMap(\.names)
            case .setting: Settings.all.map(\.name)
            case .fields: ["define", "off"] + StructLibrary.standard.names
            default: []
            }
        }
    }

    /// A keyword that may follow the positionals, alone (`async`) or with a value (`from OFF`).
    public struct Option: Sendable {
        public let keyword: String
        /// Other spellings (`--all` for `all`).
        public let aliases: [String]
        public let value: Parameter?

        public init(_ keyword: String, aliases: [String] = [], value: Parameter? = nil) {
            self.keyword = keyword
            self.aliases = aliases
            self.value = value
        }

        func matches(_ word: String) -> Bool { word == keyword || aliases.contains(word) }
    }

    public let positionals: [Parameter]
    /// Groups of options; the options of one group exclude each other.
    public let optionGroups: [[Option]]
    /// Which arguments the editor's selection may stand in for (see `SelectionUse`).
    public let selection: SelectionUse?

    public init(_ positionals: [Parameter] = [], options optionGroups: [[Option]] = [], selection: SelectionUse? = nil)
    {
        self.positionals = positionals
        self.optionGroups = optionGroups
        self.selection = selection
    }

    /// Every option, in declaration order.
    var options: [Option] { optionGroups.flatMap { $0 } }

    /// The option a word names, if any.
    func option(named word: String) -> Option? {
        options.first { $0.matches(word) }
    }

    /// `OFF BYTES`, `[OFF [LEN]]`, `PATTERN [from OFF] [all | count]`: the usage line without the name.
    var usage: String {
        var parts: [String] = []
        var optionalDepth = 0
        for parameter in positionals {
            let text = Self.placeholder(parameter)
            if parameter.optional {
                parts.append("[" + text)
                optionalDepth += 1
            } else {
                parts.append(text)
            }
        }
        if optionalDepth > 0 { parts[parts.count - 1] += String(repeating: "]", count: optionalDepth) }
        for group in optionGroups {
            let alternatives = group.map { option in
                option.value.map { "\(option.keyword) \(Self.placeholder($0))" } ?? option.keyword
            }
            parts.append("[" + alternatives.joined(separator: " | ") + "]")
        }
        return parts.joined(separator: " ")
    }

    private static func placeholder(_ parameter: Parameter) -> String {
        switch parameter.kind {
        case .choice(let words) where words.count <= 4: words.joined(separator: "|")
        case .setting: "NAME VALUE"
        default: parameter.name
        }
    }
}
