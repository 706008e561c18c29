import HexDump

/// The register and the marks (DESIGN.md, "Selection, registers, marks"): `yank`, `paste`,
/// `mark`. The editor's keys run the same commands (`y`, `p`, `m` + letter).
extension CommandTable {
    static let yank = CommandDeclaration(
        names: ["yank"],
        grammar: CommandGrammar(
            [.init("OFF", .number), .init("LEN", .number)], selection: .range(offset: "OFF", length: "LEN")),
        summary: "copy LEN bytes at OFF (or the selection) for paste",
        details: [
            "At most 16 MiB. With set clipboard on, the editor also puts them on the system",
            "clipboard as hex, where the terminal allows it (OSC 52; in tmux: set -g set-clipboard on).",
        ],
        example: "yank 0x10 4"
    ) { run throws(EditorError) in
        let at = try run.offset("OFF")
        let count = try run.length("LEN", default: 0)
        guard count <= Register.limit else {
            throw EditorError(
                "yank: at most \(Register.limit) bytes at a time (asked for \(count)); print copies any length")
        }
        try run.document.checkRange(offset: at, count: count, what: "yank")
        let bytes = try run.document.read(at: at, count: count)
        guard bytes.count == count else {
            throw EditorError(
                "yank: the file shrank while reading (\(bytes.count) of \(count) bytes)", kind: .truncated)
        }
        run.interpreter.register.bytes = bytes
        run.interpreter.register.origin = at
        // Like vi: after yanking the selection the cursor is at its start.
        if run.effects.usedSelection { run.effects.cursor = at }
        var message = "yanked \(count) byte\(count == 1 ? "" : "s") at \(hex(at))"
        if run.interpreter.copiesToClipboard {
            if count <= Clipboard.limit {
                run.effects.clipboard = Hex.string(bytes)
                message += " (on the clipboard as hex)"
            } else {
                message += " (too many for the clipboard: at most \(Clipboard.limit))"
            }
        }
        run.effects.message = message
    }

    static let paste = CommandDeclaration(
        names: ["paste"], grammar: CommandGrammar([.init("OFF", .number, optional: true)]),
        summary: "write the yanked bytes over those at OFF (default: the cursor); never grows the file",
        details: ["A paste that would run past the end changes nothing. One paste is one undo step."],
        example: "paste 0x40", changesFile: true
    ) { run throws(EditorError) in
        try run.document.checkWritable()
        guard let bytes = run.interpreter.register.bytes else {
            throw EditorError("paste: nothing yanked yet (y in the editor, or yank OFF LEN)")
        }
        let at = try run.offset("OFF")
        try run.document.checkRange(offset: at, count: bytes.count, what: "paste")
        try run.document.overwrite(at: at, with: bytes)
        run.effects.cursor = at
        run.effects.message = "pasted \(bytes.count) byte\(bytes.count == 1 ? "" : "s") at \(hex(at))"
    }

    static let mark = CommandDeclaration(
        names: ["mark"], grammar: CommandGrammar([.init("NAME", .markName), .init("OFF", .number, optional: true)]),
        summary: "set mark NAME (a letter) at OFF (default: the cursor); 'NAME is then an offset",
        details: [
            "In the editor m and a letter sets a mark at the cursor, ' and the letter jumps to it.",
            "'a works wherever an offset does: print 'a 32, goto 'a, fill 'a 4 00. A mark is an",
            "offset: bytes inserted or deleted before it do not move it.",
        ],
        example: "mark a 0x100"
    ) { run throws(EditorError) in
        let name = Character(run.command.word("NAME")!)
        let at = try run.offset("OFF")
        let size = try run.document.currentSize()
        guard at <= size else {
            throw EditorError("mark: offset \(hex(at)) is past the end of the file (size \(size))")
        }
        run.interpreter.marks.set(name, to: at)
        run.effects.message = "mark '\(name) at \(hex(at))"
    }
}
