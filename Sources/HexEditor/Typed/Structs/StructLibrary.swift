import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The named struct definitions: the shipped ones (`ShippedStructs`), then the user's files
/// `NAME.struct` in `$XDG_CONFIG_HOME/hexmap/structs/` (default `~/.config/hexmap/structs/`),
/// which replace a shipped definition of the same name.
///
/// A definition file holds FIELDS, one or more a line (commas between fields on one line), and
/// `#` comments. A file that does not parse is left out and reported as `PATH:LINE:COLUMN:
/// message`; the others load, and hexmap goes on.
public struct StructLibrary: Sendable {
    /// A definition file that could not be used.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The path, escaped for the terminal.
        public let path: String
        /// 1-based; nil when the problem is the file itself (unreadable, a bad name).
        public let line: Int?
        public let column: Int?
        public let message: String

        public var description: String {
            [path, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":") + ": "
                + message
        }
    }

    /// A file longer than this is no struct definition.
    static let maximumFileSize = 1 << 20

    /// The user's definitions and those defined this session; a shipped one of the same name
    /// is hidden.
    private var definitions: [String: StructDefinition] = [:]
    public private(set) var problems: [Problem] = []

    /// The library hexmap uses: loaded once, at the first use (start-up reports its problems).
    public static let standard = StructLibrary.load(directory: configDirectory)

    /// The names, sorted (Tab completion, messages).
    public var names: [String] { Set(definitions.keys).union(ShippedStructs.files.map(\.name)).sorted() }

    /// The definition called `name`. A shipped one is parsed when it is asked for, not when the
    /// library loads: the editor's start-up does not pay for structs it may never show.
    public func definition(named name: String) -> StructDefinition? {
        if let definition = definitions[name] { return definition }
        guard let shipped = ShippedStructs.files.first(where: { $0.name == name }) else { return nil }
        // Shipped definitions parse: a test says so.
        return try? Self.parse(text: Array(shipped.text.utf8), path: name).get()
    }

    /// Adds (or replaces) a definition for this session: `struct define NAME FIELDS`.
    public mutating func define(_ name: String, _ definition: StructDefinition) {
        definitions[name] = definition
    }

    /// The files in `directory` (if any), over the shipped definitions (parsed when named).
    public static func load(directory: FilePath?) -> StructLibrary {
        var library = StructLibrary()
        if let directory { library.loadFiles(in: directory) }
        return library
    }

    /// The same, for a directory given as text.
    public static func load(directoryPath: String) -> StructLibrary {
        load(directory: FilePath(directoryPath))
    }

    /// `$XDG_CONFIG_HOME/hexmap/structs` when XDG_CONFIG_HOME is absolute, else `~/.config/hexmap/structs`.
    public static var configDirectory: FilePath? {
        var base: FilePath
        if let config = environment("XDG_CONFIG_HOME"), config.hasPrefix("/") {
            base = FilePath(config)
        } else if let home = environment("HOME"), home.hasPrefix("/") {
            base = FilePath(home)
            base.append(".config")
        } else {
            return nil
        }
        base.append("hexmap")
        base.append("structs")
        return base
    }

    private static func environment(_ name: String) -> String? {
        guard let value = getenv(name), value.pointee != 0 else { return nil }
        return String(cString: value)
    }

    /// Reads every `*.struct` file in `directory`, in name order. A missing directory is normal.
    private mutating func loadFiles(in directory: FilePath) {
        guard let stream = directory.withPlatformString({ opendir($0) }) else {
            if errno != ENOENT && errno != ENOTDIR {
                problems.append(problem(TerminalText.path(directory), String(cString: strerror(errno))))
            }
            return
        }
        var fileNames: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name.count > 7, Array(name.suffix(7)) == Array(".struct".utf8) { fileNames.append(name) }
        }
        closedir(stream)
        for name in fileNames.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            var path = directory
            let component = FilePath.Component(String(decoding: name, as: UTF8.self))
            if let component, String(decoding: name, as: UTF8.self).utf8.elementsEqual(name) {
                path.append(component)
            } else {
                problems.append(problem(TerminalText.escaped(bytes: name), "the file name is not UTF-8"))
                continue
            }
            let shown = TerminalText.path(path)
            let structName = String(decoding: name.dropLast(7), as: UTF8.self)
            guard StructFieldParser.isIdentifier(structName), !StructFieldParser.reservedNames.contains(structName),
                ScalarType(rawValue: structName) == nil
            else {
                problems.append(
                    problem(
                        shown,
                        "'\(structName)' cannot name a struct (letters, digits and _, a letter first, not a type or keyword)"
                    ))
                continue
            }
            switch Self.readFile(path) {
            case .failure(let failure):
                problems.append(problem(shown, failure.message))
            case .success(let bytes):
                switch Self.parse(text: bytes, path: shown) {
                case .success(let definition): definitions[structName] = definition
                case .failure(let problem): problems.append(problem)
                }
            }
        }
    }

    /// A problem with a whole file (no line).
    private func problem(_ path: String, _ message: String) -> Problem {
        Problem(path: path, line: nil, column: nil, message: message)
    }

    /// Parses a definition file's text: FIELDS on each line, `#` comments.
    static func parse(text bytes: [UInt8], path: String) -> Result<StructDefinition, Problem> {
        var fields: [StructDefinition.Field] = []
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            var line = Array(rawLine)
            if line.last == 0x0D { line.removeLast() }
            var position = 0
            while position < line.count {
                let length = UTF8Validation.sequenceLength(line, at: position)
                if length == 0 {
                    return .failure(Problem(path: path, line: number, column: nil, message: "invalid UTF-8"))
                }
                position += length
            }
            var text = String(decoding: line, as: UTF8.self)
            if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
            guard text.contains(where: { !$0.isWhitespace }) else { continue }
            let units = StructFieldParser.units(text)
            do {
                fields += try StructFieldParser.parse(units, after: fields, endColumn: units.count + 1)
            } catch {
                return .failure(Problem(path: path, line: number, column: error.column, message: error.message))
            }
        }
        guard !fields.isEmpty else {
            return .failure(Problem(path: path, line: nil, column: nil, message: "no fields (write TYPE NAME lines)"))
        }
        return .success(StructDefinition(fields: fields))
    }

    private struct ReadFailure: Error {
        var message: String
    }

    private static func readFile(_ path: FilePath) -> Result<[UInt8], ReadFailure> {
        do throws(Errno) {
            // One byte more than allowed tells a file at the limit from a longer one.
            let bytes = try path.readContents(limit: maximumFileSize + 1)
            guard bytes.count <= maximumFileSize else {
                return .failure(ReadFailure(message: "longer than \(maximumFileSize) bytes: not a struct definition"))
            }
            return .success(bytes)
        } catch {
            return .failure(ReadFailure(message: "\(error)"))
        }
    }
}
