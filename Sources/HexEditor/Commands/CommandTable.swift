/// Every command of the language, in the order `help` lists them. Each is declared in its own
/// file under `Table/`: to add a command, write its declaration there and list it here.
public enum CommandTable {
    public static let all: [CommandDeclaration] = [
        goto, patch, fill, insert, delete, yank, paste, mark,
        print, find, sync, advise, resize, undo, redo, info, follow,
        set, help, reopen, recover, quit, forceQuit, writeQuit,
        inspect, poke, structure,
    ]

    private static let byName: [String: CommandDeclaration] = {
        var table: [String: CommandDeclaration] = [:]
        for declaration in all {
            for name in declaration.names {
                precondition(table[name] == nil, "two commands are named \(name)")
                table[name] = declaration
            }
        }
        return table
    }()

    /// The declaration called `name` (its name or an alias).
    public static func declaration(named name: String) -> CommandDeclaration? {
        byName[name]
    }
}
