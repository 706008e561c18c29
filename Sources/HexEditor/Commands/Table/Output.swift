extension CommandTable {
    static let print = CommandDeclaration(
        names: ["print"],
        grammar: CommandGrammar(
            [.init("OFF", .number, optional: true), .init("LEN", .number, optional: true)],
            options: [[.init("as", value: .init("FORMAT", .choice(CopyFormat.allCases.map(\.rawValue))))]],
            selection: .range(offset: "OFF", length: "LEN")),
        summary: "show LEN bytes at OFF as xxd lines (default: the selection, or 256 at the cursor)",
        details: [
            "The lines are byte for byte what xxd -s OFF -l LEN prints. as FORMAT writes the bytes",
            "as code instead: hex (one string: 7f454c46), c (0x7f, 0x45, ... twelve a line, as",
            "xxd -i), python (a bytes literal: b'\\x7fELF') or base64 (lines of 76).",
        ],
        example: "print 0 64 as python", scansFile: true
    ) { run throws(EditorError) in
        let at = try run.offset("OFF")
        let count = try run.length("LEN", default: CommandInterpreter.defaultPrintLength)
        if let format = run.command.word("as").flatMap(CopyFormat.init(rawValue:)) {
            try run.interpreter.printFormatted(
                at: at, count: count, format: format, json: run.context.json, to: &run.output)
        } else {
            try run.interpreter.printRange(at: at, count: count, json: run.context.json, to: &run.output)
        }
    }

    static let find = CommandDeclaration(
        names: ["find"],
        grammar: CommandGrammar(
            [.init("PATTERN", .pattern)],
            options: [
                [.init("from", value: .init("OFF", .number))], [.init("to", value: .init("OFF", .number))],
                [.init("back")], [.init("all", aliases: ["--all"]), .init("count")],
            ],
            selection: .bounds(from: "from", to: "to")),
        summary:
            "the next match as 0x..., or 'not found'; back: the last one before; all: every match; count: how many",
        details: [
            "PATTERN: hex pairs, ?? (any byte), 4? and ?d (one nibble fixed), \"text\", i\"text\" (ASCII case",
            "ignored), in any mix: find \"PK\" 03 04 ?? ?? i\"content\".",
            "A match starts at or after from (default: the cursor) and ends at or before to (default: $);",
            "back finds the last one starting before from. all and count leave the cursor where it is.",
        ],
        example: #"find "PK" 03 04 ?? 4? i"content" from 0 to $ all"#, scansFile: true
    ) { run throws(EditorError) in
        let mode: CommandInterpreter.FindMode =
            run.command.flag("all") ? .all : run.command.flag("count") ? .count : .first
        let backward = run.command.flag("back")
        // Inside a selection, back looks for the last match that ends in it.
        let within = run.selectedRange()
        let from: Int
        if let within {
            from = backward ? within.upperBound : within.lowerBound
        } else {
            from = try run.offset("from")
        }
        let found = try run.interpreter.find(
            run.command.pattern("PATTERN")!, from: from, to: try run.end("to"), floor: within?.lowerBound ?? 0,
            backward: backward, mode: mode, json: run.context.json, to: &run.output)
        if mode == .first {
            run.effects.cursor = found
            run.effects.message = found.map(hex) ?? "not found"
        }
    }

    static let info = CommandDeclaration(
        names: ["info"], summary: "path, size, mode, sharing, page size, unsynced edits", example: "info"
    ) { run throws(EditorError) in
        try run.interpreter.writeInfo(json: run.context.json, to: &run.output)
    }
}
