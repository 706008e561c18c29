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
            [.init("BYTES", .bytes)],
            options: [[.init("from", value: .init("OFF", .number))], [.init("all", aliases: ["--all"])]]),
        summary: "offset of the next match as 0x..., or 'not found'; all: every match",
        details: ["Without from, the search starts at the cursor; a match at the cursor counts."],
        example: #"find "PK" 03 04 from 0 all"#, scansFile: true
    ) { run throws(EditorError) in
        let start = try run.offset("from")
        let first = try run.interpreter.find(
            run.command.bytes("BYTES")!, from: start, all: run.command.flag("all"), json: run.context.json,
            to: &run.output)
        run.effects.cursor = first
        run.effects.message = first.map(hex) ?? "not found"
    }

    static let info = CommandDeclaration(
        names: ["info"], summary: "path, size, mode, sharing, page size, unsynced edits", example: "info"
    ) { run throws(EditorError) in
        try run.interpreter.writeInfo(json: run.context.json, to: &run.output)
    }
}
