import FuzzSupport
import HexEditor

/// The `:` command parser: the input is one line of the command language, as raw bytes (the
/// `:` line, the REPL and scripts all parse lines through `CommandParser.parse(bytes:)`).
///
/// Beyond not crashing:
/// - a parsed command has a declaration, renders as text (`Command.text`), and that text parses
///   back to the same command; its help renders;
/// - a refused line names line 1 and a column inside the line (or just past it), with a message;
/// - the same bytes as a whole script (`Script.Reader`) give the same result fed at once or in
///   pieces of any size;
/// - Tab completion of the line (when it is text) points inside it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommand(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    checkLine(bytes)
    checkScript(bytes)
    checkCompletion(bytes)
    return 0
}

private func checkLine(_ bytes: [UInt8]) {
    let command: Command?
    do {
        command = try CommandParser.parse(bytes: bytes)
    } catch {
        require(error.line == 1, "error on line \(error.line) of a one-line input")
        // Columns count characters; a missing argument is reported just past the last token.
        let characters = bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        require(
            error.column >= 1 && error.column <= characters + 2,
            "column \(error.column) outside a line of \(characters) characters: \(error.message)")
        require(!error.message.isEmpty, "an error without a message")
        return
    }
    guard let command else { return }  // blank, or a comment
    guard let declaration = command.declaration else {
        require(false, "parsed command '\(command.name)' has no declaration")
        return
    }
    _ = command.changesFile
    require(!CommandHelp.lines(for: declaration).isEmpty, "no help for \(command.name)")
    let text = command.text
    let again: Command?
    do {
        again = try CommandParser.parse(line: text)
    } catch {
        require(false, "the command's text '\(text)' does not parse: \(error)")
        return
    }
    require(again == command, "'\(text)' parses to \(String(describing: again)), not \(command)")
}

private func checkScript(_ bytes: [UInt8]) {
    let whole = Result { () throws(ScriptSyntaxError) in try Script.parse(bytes, name: "fuzz").lines }
    var random = InputRandom(bytes)
    var reader = Script.Reader(name: "fuzz")
    let pieces = Result { () throws(ScriptSyntaxError) in
        for chunk in random.chunks(of: bytes, longest: 16) {
            try reader.feed(chunk)
        }
        return try reader.finish().lines
    }
    require(whole == pieces, "the script parsed whole gives \(whole), in pieces \(pieces)")
    if case .success(let lines) = whole {
        require(
            zip(lines, lines.dropFirst()).allSatisfy { $0.number < $1.number },
            "script line numbers not ascending: \(lines.map(\.number))")
    }
}

private func checkCompletion(_ bytes: [UInt8]) {
    guard let line = String(validating: bytes, as: UTF8.self) else { return }
    let (start, words) = CommandCompletion.candidates(for: line)
    let count = line.count
    require(start >= 0 && start <= count, "completion starts at \(start) in a line of \(count) characters")
    require(words == words.sorted(), "completion candidates not sorted: \(words)")
    _ = CommandCompletion.commonPrefix(words)
}
