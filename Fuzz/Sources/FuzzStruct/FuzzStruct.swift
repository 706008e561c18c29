import FuzzSupport

// StructRequest.parse, StructLibrary.parse(text:path:), ByteWindows and StructEvaluation are
// internal: the fuzz build compiles HexEditor with -enable-testing.
@testable import HexEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The struct field parser (`struct FIELDS`, `struct define NAME FIELDS`, definition files):
/// the input up to its first NUL byte is the text, the rest the bytes of a file to lay it over.
///
/// Beyond not crashing:
/// - on a command line: a `struct` command that parses has an argument that parses again as
///   the command runs it, to the same request, whose text is that argument (one normal form);
///   the command's text parses back to the same command;
/// - as a definition file: a definition that loads is written back (`TYPE NAME, ...`) as
///   FIELDS that parse to the same fields, on their own and after `struct define`; a refused
///   file names a line of the file and a column from 1;
/// - a definition laid over the bytes (at 0 and at another offset) gives a field a line, in
///   order: offsets ascending from the start, none after one that is unknown, no value read
///   past the end; its lines and JSON render.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStruct(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = inputBytes(data, size)
    let split = input.firstIndex(of: 0)
    let text = split.map { Array(input[..<$0]) } ?? input
    let file = split.map { Array(input[($0 + 1)...]) } ?? []
    var random = InputRandom(input)
    if let definition = checkCommandLine(text) {
        checkEvaluation(definition, over: file, random: &random)
    }
    if let definition = checkDefinitionFile(text) {
        checkEvaluation(definition, over: file, random: &random)
    }
    return 0
}

/// A document is needed to build `ByteWindows`; the fuzz bytes are its one window, so it is
/// never read. It is an empty file, removed once open.
nonisolated(unsafe) private let emptyDocument: Document = {
    var template = Array("/tmp/hexmap-fuzz-struct-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { fatalError("cannot create an empty file in /tmp") }
    close(fd)
    let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer { unlink(path) }
    do {
        return try Document(path: path, readOnly: true)
    } catch {
        fatalError("cannot open an empty file as a document: \(error)")
    }
}()

/// `struct TEXT` on a command line; returns the definition it shows or defines.
private func checkCommandLine(_ text: [UInt8]) -> StructDefinition? {
    guard let command = try? CommandParser.parse(bytes: Array("struct ".utf8) + text), command.name == "struct"
    else { return nil }
    let again = try? CommandParser.parse(line: command.text)
    require(again == command, "'\(command.text)' parses to \(String(describing: again)), not \(command)")
    guard let argument = command.word("FIELDS") else {
        require(false, "struct parsed without FIELDS: \(command)")
        return nil
    }
    // What the command does when it runs (Table/Typed.swift).
    let units = StructFieldParser.units(argument)
    let request: StructRequest
    do {
        request = try StructRequest.parse(units, endColumn: units.count + 1)
    } catch {
        require(false, "the parsed argument '\(argument)' fails when it runs: \(error.message)")
        return nil
    }
    require(request.text == argument, "the argument '\(argument)' runs as '\(request.text)'")
    switch request {
    case .inline(let definition), .define(_, let definition): return definition
    case .off, .named: return nil
    }
}

/// `text` as a definition file (`$XDG_CONFIG_HOME/hexmap/structs/NAME.struct`).
private func checkDefinitionFile(_ text: [UInt8]) -> StructDefinition? {
    switch StructLibrary.parse(text: text, path: "fuzz.struct") {
    case .failure(let problem):
        let lines = text.split(separator: 0x0A, omittingEmptySubsequences: false).count
        if let line = problem.line {
            require(line >= 1 && line <= lines, "a problem on line \(line) of \(lines): \(problem)")
        }
        if let column = problem.column {
            require(column >= 1, "a problem at column \(column): \(problem)")
        }
        return nil
    case .success(let definition):
        let written = definition.text
        let units = StructFieldParser.units(written)
        let fields = try? StructFieldParser.parse(units, endColumn: units.count + 1)
        require(
            fields == definition.fields,
            "the definition written as '\(written)' parses to \(String(describing: fields))")
        let define = try? CommandParser.parse(line: "struct define fuzzed " + written)
        let request = define?.word("FIELDS").flatMap { argument -> StructRequest? in
            let units = StructFieldParser.units(argument)
            return try? StructRequest.parse(units, endColumn: units.count + 1)
        }
        require(
            request == .define(name: "fuzzed", definition),
            "'struct define fuzzed \(written)' gives \(String(describing: request))")
        return definition
    }
}

private func checkEvaluation(_ definition: StructDefinition, over file: [UInt8], random: inout InputRandom) {
    for at in [0, random.next(in: 0...file.count)] {
        var windows = ByteWindows(
            document: emptyDocument, fileSize: file.count, windows: [FrameBytes(offset: 0, bytes: file)])
        let evaluation: StructEvaluation
        do {
            evaluation = try StructEvaluation(definition, at: at, bytes: &windows)
        } catch {
            require(false, "evaluating at \(at) over \(file.count) bytes threw \(error)")
            return
        }
        require(windows.reads.isEmpty, "evaluating read the document: \(windows.reads.count) reads")
        require(
            evaluation.fields.map(\.name) == definition.fields.map(\.name),
            "fields \(evaluation.fields.map(\.name)) for a definition of \(definition.fields.map(\.name))")
        var previous = at
        var unknown = false
        for (field, declared) in zip(evaluation.fields, definition.fields) {
            guard let offset = field.offset else {
                unknown = true
                continue
            }
            require(!unknown, "\(field.name) at \(offset) after a field whose offset is unknown")
            require(offset >= previous, "\(field.name) at \(offset), before \(previous)")
            previous = offset
            if case .scalar(let type) = declared.type, !isMissing(field.value) {
                require(offset + type.size <= file.count, "\(field.name) read past the end: \(offset)+\(type.size)")
            }
        }
        require(evaluation.lines.count == definition.fields.count, "\(evaluation.lines.count) lines")
        _ = evaluation.json(name: nil)
        _ = evaluation.json(name: "fuzzed")
    }
}

private func isMissing(_ value: TypedValue) -> Bool {
    if case .missing = value { return true }
    return false
}
