/// The typed views: `inspect`, `poke` and `struct` (DESIGN.md, "Typed views").
extension CommandTable {
    static let inspect = CommandDeclaration(
        names: ["inspect"],
        grammar: CommandGrammar([.init("OFF", .number, optional: true)], selection: .start(offset: "OFF")),
        summary: "the bytes at OFF (default: the cursor) as integers, floats, UTF-8, LEB128, unix times",
        details: [
            "One NAME: VALUE line each: binary, u8, i8, u16le ... i64be, f32le ... f64be, utf8,",
            "uleb128, sleb128, unix32le, unix64le. A value that would run past the end is -.",
        ],
        example: "inspect 0x10"
    ) { run throws(EditorError) in
        let at = try run.offset("OFF")
        let size = try run.document.currentSize()
        guard at <= size else {
            throw EditorError("inspect: offset \(hex(at)) is past the end of the file (size \(size))")
        }
        let bytes = try run.document.read(at: at, count: Inspection.window)
        let inspection = Inspection(offset: at, bytes: bytes[...])
        if run.context.json {
            try run.line(JSON.object([("offset", .number(at))] + inspection.entries.map { ($0.name, $0.value.json) }))
        } else {
            for (name, value) in inspection.entries { try run.line("\(name): \(value.plain)") }
        }
    }

    static let poke = CommandDeclaration(
        names: ["poke"],
        grammar: CommandGrammar(
            [.init("TYPE", .choice(ScalarType.allCases.map(\.rawValue))), .init("VALUE", .scalar(type: "TYPE"))],
            options: [[.init("at", value: .init("OFF", .number))]]),
        summary: "write VALUE as TYPE (u8 ... i64be, f32le ... f64be) at the cursor or OFF",
        details: [
            "VALUE: decimal, 0x hex, negative for signed types, a float (1.5, -2e-3, inf, nan)",
            "for f32/f64. A value that does not fit TYPE is refused; so is a write past the end.",
        ],
        example: "poke u32le 0xdeadbeef at 0x10", changesFile: true
    ) { run throws(EditorError) in
        let type = ScalarType(rawValue: run.command.word("TYPE") ?? "")
        let text = run.command.word("VALUE") ?? ""
        guard let type, let literal = ScalarLiteral(text) else {
            throw EditorError("poke: bad TYPE or VALUE '\(text)'")
        }
        let bytes: [UInt8]
        switch type.encode(literal) {
        case .success(let encoded): bytes = encoded
        case .failure(let mismatch): throw EditorError("poke: \(mismatch.message)")
        }
        let at = try run.offset("at")
        try run.document.checkWritable()
        try run.document.checkRange(offset: at, count: bytes.count, what: "poke")
        try run.document.overwrite(at: at, with: bytes)
        run.effects.cursor = at
        run.effects.message = "poked \(type.rawValue) \(type.decode(bytes).plain) at \(hex(at))"
    }

    static let structure = CommandDeclaration(
        names: ["struct"],
        grammar: CommandGrammar(
            [.init("FIELDS", .fields)], options: [[.init("at", value: .init("OFF", .number))]],
            selection: .start(offset: "at")),
        summary: "show FIELDS (TYPE NAME, ...) or a named struct at the cursor or OFF, a field a line",
        details: [
            "FIELDS: TYPE NAME, TYPE NAME, ... where TYPE is an integer or float name of inspect,",
            "u8[N] (hex pairs) or char[N] (a quoted string), N a number or an earlier integer field.",
            "Lines: 0xOFFSET NAME TYPE VALUE. struct NAME [at OFF] uses a named definition:",
            "shipped (" + ShippedStructs.files.map(\.name).joined(separator: " ") + ") or yours,",
            "$XDG_CONFIG_HOME/hexmap/structs/NAME.struct; struct define NAME FIELDS adds one for",
            "the session. In the editor it opens a panel pinned to the offset, updated live;",
            "struct off closes it.",
        ],
        example: "struct u32le magic, u16le count, char[count] name at 0x10"
    ) { run throws(EditorError) in
        let request: StructRequest
        do throws(StructFieldParser.Failure) {
            let units = StructFieldParser.units(run.command.word("FIELDS") ?? "")
            request = try StructRequest.parse(units, endColumn: units.count + 1)
        } catch {
            throw EditorError("struct: \(error.message)")
        }
        let definition: StructDefinition
        let title: String
        switch request {
        case .off:
            guard run.command.number("at") == nil else { throw EditorError("struct off takes no 'at'") }
            run.effects.structPanel = .close
            run.effects.message = "struct panel closed"
            return
        case .define(let name, let fields):
            guard run.command.number("at") == nil else { throw EditorError("struct define takes no 'at'") }
            run.interpreter.structLibrary.define(name, fields)
            run.effects.message = "defined struct \(name) (\(fields.fields.count) fields)"
            return
        case .named(let name):
            guard let named = run.interpreter.structLibrary.definition(named: name) else {
                throw EditorError(run.interpreter.unknownStructMessage(name))
            }
            (definition, title) = (named, name)
        case .inline(let fields):
            (definition, title) = (fields, "struct")
        }
        let at = try run.offset("at")
        let size = try run.document.currentSize()
        guard at <= size else {
            throw EditorError("struct: offset \(hex(at)) is past the end of the file (size \(size))")
        }
        var windows = ByteWindows(document: run.document, fileSize: size)
        let evaluation = try StructEvaluation(definition, at: at, bytes: &windows)
        if run.context.json {
            try run.line(evaluation.json(name: title == "struct" ? nil : title))
        } else {
            for line in evaluation.lines { try run.line(line) }
        }
        run.effects.structPanel = .open(title: title, definition: definition, offset: at)
        run.effects.message = "\(title) at \(hex(at)): \(definition.fields.count) fields"
    }
}

extension CommandInterpreter {
    /// `struct: unknown struct 'x' (known: …)`, naming the definition files that were left out.
    func unknownStructMessage(_ name: String) -> String {
        var message = "struct: unknown struct '\(name)' (known: \(structLibrary.names.joined(separator: " ")))"
        if let problem = structLibrary.problems.first(where: { $0.path.hasSuffix("/\(name).struct") }) {
            message += "; \(problem)"
        }
        return message
    }
}
