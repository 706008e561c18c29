extension CommandTable {
    static let print = CommandDeclaration(
        names: ["print"], grammar: CommandGrammar([.init("OFF", .number, optional: true), .init("LEN", .number, optional: true)]),
        summary: "show LEN bytes at OFF as xxd lines (default: the cursor, 256 bytes)",
        details: ["The lines are byte for byte what xxd -s OFF -l LEN prints."],
        example: "print 0 64", scansFile: true
    ) { run throws(EditorError) in
        let at = try run.offset("OFF")
        let count = try run.length("LEN", default: CommandInterpreter.defaultPrintLength)
        try run.interpreter.printRange(at: at, count: count, json: run.context.json, to: &run.output)
    }

    static let find = CommandDeclaration(
        names: ["find"],
        grammar: CommandGrammar(
            [.init("PATTERN", .pattern)],
            options: [
                [.init("from", value: .init("OFF", .number))], [.init("to", value: .init("OFF", .number))],
                [.init("back")], [.init("all", aliases: ["--all"]), .init("count")],
            ]),
        summary: "the next match as 0x..., or 'not found'; back: the last one before; all: every match; count: how many",
        details: [
            "PATTERN: hex pairs, ?? (any byte), 4? and ?d (one nibble fixed), \"text\", i\"text\" (ASCII case",
            "ignored), in any mix: find \"PK\" 03 04 ?? ?? i\"content\".",
            "A match starts at or after from (default: the cursor) and ends at or before to (default: $);",
            "back finds the last one starting before from. all and count leave the cursor where it is.",
        ],
        example: #"find "PK" 03 04 ?? 4? i"content" from 0 to $ all"#, scansFile: true
    ) { run throws(EditorError) in
        let mode: CommandInterpreter.FindMode = run.command.flag("all") ? .all : run.command.flag("count") ? .count : .first
        let found = try run.interpreter.find(
            run.command.pattern("PATTERN")!, from: try run.offset("from"),
            to: try run.command.number("to").map { (to) throws(EditorError) in try run.interpreter.resolve(to, "find: to") },
            backward: run.command.flag("back"), mode: mode, json: run.context.json, to: &run.output)
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
