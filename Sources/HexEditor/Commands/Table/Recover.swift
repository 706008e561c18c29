extension CommandTable {
    static let recover = CommandDeclaration(
        names: ["recover"],
        grammar: CommandGrammar(
            [.init("rollback|keep|discard", .choice(RecoveryMode.allCases.map(\.rawValue)))],
            options: [[.init("force")]]),
        summary: "resolve an earlier session's journal: rollback its unsynced edits, or keep and sync them",
        details: [
            "hexmap journals every edit before it reaches the file; if a session dies (SIGKILL, a crash,",
            "a lost terminal), the next one finds its journal and refuses edits until it is resolved.",
            "rollback restores the bytes and size as they were before that session's unsynced edits,",
            "and refuses (naming the bytes) where another process changed them since, unless force.",
            "keep keeps them and syncs; discard removes a damaged journal without applying it.",
        ],
        example: "recover rollback", changesFile: true
    ) { run throws(EditorError) in
        let mode = RecoveryMode(rawValue: run.command.word("rollback|keep|discard")!)!
        run.effects.message = try run.document.recover(mode, force: run.command.flag("force"))
    }
}
