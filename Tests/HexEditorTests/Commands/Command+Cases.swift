@testable import HexEditor

/// The commands the tests name most, built as the parser builds them: `.patch(offset:bytes:)`
/// reads better in an expectation than a name and a dictionary.
extension Command {
    static func goto(_ target: GotoTarget) -> Command { Command("goto", ["OFF": .goto(target)]) }

    static func patch(offset: NumberArgument, bytes: [UInt8]) -> Command {
        Command("patch", ["OFF": .number(offset), "BYTES": .bytes(bytes)])
    }

    static func fill(offset: NumberArgument, length: NumberArgument, byte: UInt8) -> Command {
        Command("fill", ["OFF": .number(offset), "LEN": .number(length), "BYTE": .byte(byte)])
    }

    static func insert(offset: NumberArgument, bytes: [UInt8]) -> Command {
        Command("insert", ["OFF": .number(offset), "BYTES": .bytes(bytes)])
    }

    static func delete(offset: NumberArgument, length: NumberArgument) -> Command {
        Command("delete", ["OFF": .number(offset), "LEN": .number(length)])
    }

    static func print(offset: NumberArgument?, length: NumberArgument?) -> Command {
        var arguments: [String: CommandArgument] = [:]
        if let offset { arguments["OFF"] = .number(offset) }
        if let length { arguments["LEN"] = .number(length) }
        return Command("print", arguments)
    }

    static func find(pattern: [UInt8], from: NumberArgument?, all: Bool) -> Command {
        var arguments: [String: CommandArgument] = ["PATTERN": .pattern(BytePattern(pattern))]
        if let from { arguments["from"] = .number(from) }
        if all { arguments["all"] = .flag }
        return Command("find", arguments)
    }

    static func sync(async: Bool) -> Command { Command("sync", async ? ["async": .flag] : [:]) }

    static func advise(_ hint: AdviceHint, offset: NumberArgument?, length: NumberArgument?) -> Command {
        var arguments: [String: CommandArgument] = ["HINT": .word(hint.rawValue)]
        if let offset { arguments["OFF"] = .number(offset) }
        if let length { arguments["LEN"] = .number(length) }
        return Command("advise", arguments)
    }

    static func resize(_ size: NumberArgument) -> Command { Command("resize", ["SIZE": .number(size)]) }
    static func follow(_ on: Bool) -> Command { Command("follow", ["on|off": .word(on ? "on" : "off")]) }

    static func quit(_ request: QuitRequest) -> Command {
        switch request {
        case .normal: Command("q")
        case .force: Command("q!")
        case .afterSync: Command("wq")
        }
    }

    static func setColumns(_ columns: Int?) -> Command {
        Command("set", ["NAME": .word("columns"), "VALUE": .word(columns.map(String.init) ?? "auto")])
    }

    static let undo = Command("undo")
    static let redo = Command("redo")
    static let info = Command("info")
    static let help = Command("help")
    static let reopen = Command("reopen")
}
