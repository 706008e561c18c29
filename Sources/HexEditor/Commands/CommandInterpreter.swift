import IOMMap

/// Runs commands against a document. The interactive `:` line and headless scripts both come
/// here, so a command behaves the same in both.
public final class CommandInterpreter {
    /// `print` without a length shows this many bytes (16 xxd lines).
    public static let defaultPrintLength = 256
    /// Without a sink, output is kept in memory for the caller; larger prints are refused.
    public static let collectedPrintLimit = 1 << 20

    public let document: Document
    /// When set, `print`, `find`, `info` and `help` stream their text here (headless use)
    /// instead of returning it in `CommandEffects.output`.
    public var outputSink: (any OutputSink)?

    public init(document: Document) {
        self.document = document
    }

    /// Parses and runs one line typed at the `:` prompt. A syntax error becomes an
    /// `EditorError` whose message names the column.
    public func run(line: String, context: CommandContext) throws(EditorError) -> CommandEffects {
        let command: Command?
        do {
            command = try CommandParser.parse(line: line)
        } catch {
            throw EditorError("column \(error.column): \(error.message)")
        }
        guard let command else { return CommandEffects() }
        return try run(command, context: context)
    }

    public func run(_ command: Command, context: CommandContext) throws(EditorError) -> CommandEffects {
        var output = CommandOutput(sink: outputSink)
        var effects = CommandEffects()
        switch command {
        case .goto(let target):
            effects.cursor = try gotoOffset(target, from: context.cursor)
        case .patch(let offset, let bytes):
            let at = try resolve(offset, "patch: OFF")
            try document.overwrite(at: at, with: bytes)
            effects.cursor = at
            effects.message = "patched \(bytes.count) bytes at \(hex(at))"
        case .fill(let offset, let length, let byte):
            let at = try resolve(offset, "fill: OFF")
            let count = try resolve(length, "fill: LEN")
            try document.fill(at: at, count: count, with: byte)
            effects.cursor = at
            effects.message = "filled \(count) bytes at \(hex(at))"
        case .insert(let offset, let bytes):
            let at = try resolve(offset, "insert: OFF")
            try document.insert(at: at, bytes: bytes)
            effects.cursor = at
            effects.message = "inserted \(bytes.count) bytes at \(hex(at))"
        case .delete(let offset, let length):
            let at = try resolve(offset, "delete: OFF")
            let count = try resolve(length, "delete: LEN")
            try document.delete(at: at, count: count)
            effects.cursor = at
            effects.message = "deleted \(count) bytes at \(hex(at))"
        case .print(let offset, let length):
            let at = try resolve(offset, "print: OFF", default: context.cursor)
            let count = try resolve(length, "print: LEN", default: Self.defaultPrintLength)
            try printRange(at: at, count: count, json: context.json, to: &output)
        case .find(let pattern, let from, let all):
            let start = try resolve(from, "find: OFF", default: context.cursor)
            let first = try find(pattern, from: start, all: all, json: context.json, to: &output)
            effects.cursor = first
            effects.message = first.map(hex) ?? "not found"
        case .sync(let async):
            try document.sync(async: async)
            effects.message = async ? "sync started (async)" : "synced"
        case .advise(let hint, let offset, let length):
            let at = try resolve(offset, "advise: OFF", default: 0)
            let count = try resolve(length, "advise: LEN", default: max(0, document.size - at))
            try document.advise(hint.advice, offset: at, count: count)
            effects.message = "advised \(hint.rawValue) for \(count) bytes at \(hex(at))"
        case .resize(let size):
            let newSize = try resolve(size, "resize: SIZE")
            try document.resize(to: newSize)
            effects.message = "size \(newSize)"
        case .undo:
            if let at = try document.undo() {
                effects.cursor = at
                effects.message = "undone"
            } else {
                effects.message = "nothing to undo"
            }
        case .redo:
            if let at = try document.redo() {
                effects.cursor = at
                effects.message = "redone"
            } else {
                effects.message = "nothing to redo"
            }
        case .info:
            try writeInfo(json: context.json, to: &output)
        case .follow(let on):
            effects.follow = on
            effects.message = on ? "following the end of the file" : "follow off"
        case .quit(let request):
            try quit(request)
            effects.quit = request
        case .setColumns(let columns):
            effects.columns = .some(columns)
            effects.message = columns.map { "columns=\($0)" } ?? "columns=auto"
        case .help:
            if context.json { throw EditorError("help has no JSON form") }
            effects.showHelp = true
            for line in CommandHelp.lines {
                try output.line(line)
            }
        case .reopen:
            effects.message = try reopenMessage()
        }
        try output.flush()
        effects.output = output.collected
        return effects
    }

    // MARK: - Numbers

    /// The value of `number` for the current size.
    func resolve(_ number: NumberArgument, _ what: String) throws(EditorError) -> Int {
        switch number {
        case .value(let value):
            return value
        case .fromEnd(let distance):
            let size = try document.currentSize()
            guard distance <= size else {
                throw EditorError("\(what): $-\(distance) is before the start of the file (size \(size))")
            }
            return size - distance
        }
    }

    /// The value of an optional argument, or `fallback` when it was left out.
    func resolve(_ number: NumberArgument?, _ what: String, default fallback: Int) throws(EditorError) -> Int {
        guard let number else { return fallback }
        return try resolve(number, what)
    }

    private func gotoOffset(_ target: GotoTarget, from cursor: Int) throws(EditorError) -> Int {
        let size = try document.currentSize()
        let offset: Int
        switch target {
        case .position(let number): offset = try resolve(number, "goto")
        case .forward(let distance): offset = cursor.addingReportingOverflow(distance).overflow ? Int.max : cursor + distance
        case .backward(let distance): offset = cursor - distance
        }
        guard offset >= 0 else { throw EditorError("goto: \(offset) is before the start of the file") }
        guard offset <= size else {
            throw EditorError("goto: offset \(hex(offset)) is past the end of the file (size \(size))")
        }
        return offset
    }

    // MARK: - Quit and reopen

    private func quit(_ request: QuitRequest) throws(EditorError) {
        switch request {
        case .normal:
            if document.unsyncedEdits > 0 {
                throw EditorError("unsynced edits: use :wq to save or :q! to discard")
            }
        case .force:
            try document.discardUnsyncedEdits()
        case .afterSync:
            try document.sync()
        }
    }

    private func reopenMessage() throws(EditorError) -> String {
        if let message = try document.reopenIfReplaced() { return message }
        return switch try document.refresh() {
        case .unchanged: "size unchanged (\(document.size))"
        case .grew(let from, let to): "the file grew from \(from) to \(to) bytes"
        case .shrank(let from, let to): "the file shrank from \(from) to \(to) bytes"
        }
    }
}

extension AdviceHint {
    var advice: Advice {
        switch self {
        case .normal: .normal
        case .random: .random
        case .sequential: .sequential
        case .willneed: .willNeed
        case .dontneed: .dontNeed
        }
    }
}
