/// How a command takes its range from the editor's selection when its range arguments are
/// left out, declared in its grammar (`CommandGrammar.selection`).
///
/// The parser lets required range positionals go (`fill 00` is `fill OFF LEN 00` over the
/// selection); `CommandRun.offset`, `length` and `end` resolve the left-out arguments from
/// the caller's selection (`CommandContext.selection`) in one place, and the editor ends
/// the selection once a command has used it. Without a selection (scripts, the REPL, the
/// editor with none) an optional argument keeps its default; a required one is an error.
public enum SelectionUse: Equatable, Sendable {
    /// `OFF` and `LEN` positionals: the selection's first byte and its length (`fill`,
    /// `delete`, `yank`, `print`).
    case range(offset: String, length: String)
    /// `from` and `to` option values: the selection's start and end, so a search stays inside
    /// it (`find`).
    case bounds(from: String, to: String)
    /// An offset (a positional or an option's value): the selection's first byte (`inspect`,
    /// `struct ... at OFF`).
    case start(offset: String)

    /// The argument names the selection stands in for; given any of them, it stands in for none.
    public var names: [String] {
        switch self {
        case .range(let offset, let length): [offset, length]
        case .bounds(let from, let to): [from, to]
        case .start(let offset): [offset]
        }
    }

    /// The name whose value is the selection's first byte.
    var startName: String {
        switch self {
        case .range(let offset, _), .bounds(let offset, _), .start(let offset): offset
        }
    }

    /// The lines `help CMD` adds about it.
    public var helpLines: [String] {
        switch self {
        case .range(let offset, let length):
            [
                "While bytes are selected (v in the editor), \(offset) and \(length) may be left out:",
                "the selection is the range.",
            ]
        case .bounds(let from, let to):
            [
                "While bytes are selected (v in the editor) and neither \(from) nor \(to) is given,",
                "the search stays inside the selection.",
            ]
        case .start(let offset):
            [
                "While bytes are selected (v in the editor) and \(offset) is left out, it is the",
                "selection's first byte.",
            ]
        }
    }
}
