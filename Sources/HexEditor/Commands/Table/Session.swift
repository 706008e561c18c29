extension CommandTable {
    static let set = CommandDeclaration(
        names: ["set"], grammar: CommandGrammar([.init("NAME", .setting)]),
        summary: "change a setting: set NAME VALUE or set NAME=VALUE",
        details: Settings.all.map { "\($0.name)=\($0.valuesUsage)  \($0.summary)" },
        example: "set columns=16"
    ) { run throws(EditorError) in
        let name = run.command.word("NAME")!
        try Settings.named(name)!.apply(run.command.word("VALUE")!, run)
    }

    static let help = CommandDeclaration(
        names: ["help", "h"],
        grammar: CommandGrammar([.init("CMD", .word(completions: .commandNames), optional: true)]),
        summary: "list the commands, or explain one", example: "help find"
    ) { run throws(EditorError) in
        if let name = run.command.word("CMD") {
            guard let declaration = CommandTable.declaration(named: name) else {
                throw EditorError("help: unknown command '\(name)' (help lists them all)")
            }
            if run.context.json {
                try run.line(CommandHelp.json(declaration))
            } else {
                for line in CommandHelp.lines(for: declaration) { try run.line(line) }
            }
            return
        }
        run.effects.showHelp = true
        if run.context.json {
            for declaration in CommandTable.all { try run.line(CommandHelp.json(declaration)) }
        } else {
            for line in CommandHelp.summaryLines { try run.line(line) }
        }
    }

    static let quit = CommandDeclaration(
        names: ["q", "quit"], summary: "quit (refused while edits are unsynced)", example: "q"
    ) { run throws(EditorError) in
        if run.document.unsyncedEdits > 0 {
            throw EditorError("unsynced edits: use :wq to save or :q! to discard")
        }
        run.effects.quit = .normal
    }

    static let forceQuit = CommandDeclaration(
        names: ["q!", "quit!"], summary: "discard the unsynced edits (roll them back) and quit", example: "q!"
    ) { run throws(EditorError) in
        try run.document.discardUnsyncedEdits()
        run.effects.quit = .force
    }

    static let writeQuit = CommandDeclaration(
        names: ["wq", "x"], summary: "sync and quit", example: "wq"
    ) { run throws(EditorError) in
        try run.document.sync()
        run.effects.quit = .afterSync
    }
}

/// What a quit command asks for, once its function has checked it is allowed.
public enum QuitRequest: Equatable, Sendable {
    /// `:q`: there were no unsynced edits.
    case normal
    /// `:q!`: unsynced edits have been rolled back.
    case force
    /// `:wq`: the mapping has been synced.
    case afterSync
}
