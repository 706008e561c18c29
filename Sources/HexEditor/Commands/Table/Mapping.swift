import IOMMap

extension CommandTable {
    static let sync = CommandDeclaration(
        names: ["sync", "w"], grammar: CommandGrammar(options: [[.init("async")]]),
        summary: "msync the whole mapping: make the edits durable", example: "sync async"
    ) { run throws(EditorError) in
        let async = run.command.flag("async")
        try run.document.sync(async: async)
        run.effects.message = async ? "sync started (async)" : "synced"
    }

    static let advise = CommandDeclaration(
        names: ["advise"],
        grammar: CommandGrammar([
            .init("HINT", .choice(AdviceHint.allCases.map(\.rawValue))),
            .init("OFF", .number, optional: true), .init("LEN", .number, optional: true),
        ]),
        summary: "madvise: normal random sequential willneed dontneed (default: the whole file)",
        example: "advise willneed 0 1m"
    ) { run throws(EditorError) in
        let hint = AdviceHint(rawValue: run.command.word("HINT")!)!
        let at = try run.offset("OFF", default: 0)
        let count = try run.length("LEN", default: max(0, run.document.size - at))
        try run.document.advise(hint.advice, offset: at, count: count)
        run.effects.message = "advised \(hint.rawValue) for \(count) bytes at \(hex(at))"
        run.effects.choseAdvice = true
    }

    static let reopen = CommandDeclaration(
        names: ["reopen"], summary: "re-read the size; after rotation, open the new file at the path",
        example: "reopen"
    ) { run throws(EditorError) in
        let document = run.document
        if let message = try document.reopenIfReplaced() {
            run.effects.message = message
            return
        }
        run.effects.message =
            switch try document.refresh() {
            case .unchanged: "size unchanged (\(document.size))"
            case .grew(let from, let to): "the file grew from \(from) to \(to) bytes"
            case .shrank(let from, let to): "the file shrank from \(from) to \(to) bytes"
            }
    }
}

/// The `advise` hints, named as in the command language (madvise's MADV_*).
public enum AdviceHint: String, Equatable, Sendable, CaseIterable {
    case normal, random, sequential, willneed, dontneed

    var advice: Advice {
        switch self {
        case .normal: .normal
        case .random: .random
        case .sequential: .sequential
        case .willneed: .willNeed
        case .dontneed: .dontNeed
        }
    }
}
