extension CommandTable {
    static let goto = CommandDeclaration(
        names: ["goto"], grammar: CommandGrammar([.init("OFF", .goto)]),
        summary: "move the cursor to OFF, or by +N / -N bytes", example: "goto $-16"
    ) { run throws(EditorError) in
        let size = try run.document.currentSize()
        let cursor = run.context.cursor
        let offset: Int
        switch run.command.goto("OFF")! {
        case .position(let number): offset = try run.interpreter.resolve(number, "goto")
        case .forward(let distance):
            offset = cursor.addingReportingOverflow(distance).overflow ? Int.max : cursor + distance
        case .backward(let distance): offset = cursor - distance
        }
        guard offset >= 0 else { throw EditorError("goto: \(offset) is before the start of the file") }
        guard offset <= size else {
            throw EditorError("goto: offset \(hex(offset)) is past the end of the file (size \(size))")
        }
        run.effects.cursor = offset
    }

    static let follow = CommandDeclaration(
        names: ["follow"], grammar: CommandGrammar([.init("on|off", .choice(["on", "off"]))]),
        summary: "keep the view at the end as the file grows (headless: print what is appended)",
        example: "follow on"
    ) { run throws(EditorError) in
        let on = run.command.word("on|off") == "on"
        run.effects.follow = on
        run.effects.message = on ? "following the end of the file" : "follow off"
    }
}
