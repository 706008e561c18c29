extension CommandTable {
    static let patch = CommandDeclaration(
        names: ["patch"], grammar: CommandGrammar([.init("OFF", .number), .init("BYTES", .bytes)]),
        summary: "overwrite bytes at OFF (never grows the file)",
        details: ["BYTES: hex pairs with or without spaces (de ad be ef), or quoted strings with C escapes."],
        example: #"patch 0x10 de ad "GIF89a\n""#, changesFile: true
    ) { run throws(EditorError) in
        let at = try run.offset("OFF")
        let bytes = run.command.bytes("BYTES")!
        try run.document.overwrite(at: at, with: bytes)
        run.effects.cursor = at
        run.effects.message = "patched \(bytes.count) bytes at \(hex(at))"
    }

    static let fill = CommandDeclaration(
        names: ["fill"],
        grammar: CommandGrammar(
            [.init("OFF", .number), .init("LEN", .number), .init("BYTE", .byte)],
            selection: .range(offset: "OFF", length: "LEN")),
        summary: "overwrite LEN bytes at OFF with BYTE (fill BYTE: the selection)", example: "fill 0 4k 00",
        changesFile: true
    ) { run throws(EditorError) in
        let at = try run.offset("OFF")
        let count = try run.length("LEN", default: 0)
        try run.document.fill(at: at, count: count, with: run.command.byte("BYTE")!)
        run.effects.cursor = at
        run.effects.message = "filled \(count) bytes at \(hex(at))"
    }

    static let insert = CommandDeclaration(
        names: ["insert"], grammar: CommandGrammar([.init("OFF", .number), .init("BYTES", .bytes)]),
        summary: "insert bytes at OFF, shifting the tail up", example: #"insert $ "appended""#, changesFile: true
    ) { run throws(EditorError) in
        let at = try run.offset("OFF")
        let bytes = run.command.bytes("BYTES")!
        try run.document.insert(at: at, bytes: bytes)
        run.effects.cursor = at
        run.effects.message = "inserted \(bytes.count) bytes at \(hex(at))"
    }

    static let delete = CommandDeclaration(
        names: ["delete"],
        grammar: CommandGrammar(
            [.init("OFF", .number), .init("LEN", .number)], selection: .range(offset: "OFF", length: "LEN")),
        summary: "delete LEN bytes at OFF (or the selection), shifting the tail down", example: "delete 0 16",
        changesFile: true
    ) { run throws(EditorError) in
        let at = try run.offset("OFF")
        let count = try run.length("LEN", default: 0)
        try run.document.delete(at: at, count: count)
        run.effects.cursor = at
        run.effects.message = "deleted \(count) bytes at \(hex(at))"
    }

    static let resize = CommandDeclaration(
        names: ["resize"], grammar: CommandGrammar([.init("SIZE", .number)]),
        summary: "set the file's size (ftruncate + remap, live); growth adds zeros", example: "resize 1m",
        changesFile: true
    ) { run throws(EditorError) in
        let newSize = try run.length("SIZE", default: 0)
        try run.document.resize(to: newSize)
        run.effects.message = "size \(newSize)"
    }

    static let undo = CommandDeclaration(
        names: ["undo"], summary: "take back the last edit", example: "undo", changesFile: true
    ) { run throws(EditorError) in
        if let at = try run.document.undo() {
            run.effects.cursor = at
            run.effects.message = "undone"
        } else {
            run.effects.message = "nothing to undo"
        }
    }

    static let redo = CommandDeclaration(
        names: ["redo"], summary: "do the last undone edit again", example: "redo", changesFile: true
    ) { run throws(EditorError) in
        if let at = try run.document.redo() {
            run.effects.cursor = at
            run.effects.message = "redone"
        } else {
            run.effects.message = "nothing to redo"
        }
    }
}
