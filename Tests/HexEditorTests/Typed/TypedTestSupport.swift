import TestSupport

@testable import HexEditor

/// Runs `line` against a scratch file holding `bytes`; returns the output lines.
func runTyped(_ line: String, on file: TemporaryFile, json: Bool = false, cursor: Int = 0) throws -> [String] {
    let document = try Document(path: file.path)
    defer { document.close() }
    let interpreter = CommandInterpreter(document: document)
    let sink = CollectingSink()
    interpreter.outputSink = sink
    _ = try interpreter.run(line: line, context: CommandContext(cursor: cursor, json: json))
    return sink.lines
}

/// `inspect` as a dictionary from name to value text.
func inspected(_ bytes: [UInt8], at offset: Int = 0) throws -> [String: String] {
    let file = TemporaryFile(bytes, name: "inspect")
    var values: [String: String] = [:]
    for line in try runTyped("inspect \(offset)", on: file) {
        let parts = line.split(separator: ":", maxSplits: 1).map(String.init)
        values[parts[0]] = String(parts[1].dropFirst())
    }
    return values
}

/// The parse error a line gives (nil when it parses).
func parseError(_ line: String) -> ParseError? {
    do {
        _ = try CommandParser.parse(line: line)
        return nil
    } catch {
        return error
    }
}
