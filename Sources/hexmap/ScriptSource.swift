import HexEditor
import SystemPackage

/// Reads and parses a script: a file, or standard input. The bytes go to `Script.Reader` as
/// they come, so an endless input (`-s /dev/zero`, `yes info | hexmap f -s -`) ends in a
/// syntax error after a bounded amount, never in hexmap eating all memory.
enum ScriptSource {
    struct ReadError: Error, CustomStringConvertible {
        let description: String
    }

    /// Parses the script at `path`, or standard input when `path` is nil; `name` is how
    /// messages call it.
    static func parse(path: FilePath?, name: String) throws -> Script {
        let shown = path.map(TerminalText.path) ?? "-"
        let input: FileDescriptor
        do {
            input = try path.map { try FileDescriptor.open($0, .readOnly, options: .closeOnExec) } ?? .standardInput
        } catch {
            throw ReadError(description: "cannot read script \(shown): \(Errno.of(error))")
        }
        defer { if path != nil { try? input.close() } }
        var reader = Script.Reader(name: TerminalText.escaped(name))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBytes { raw in
                    Result { () throws(Errno) in try input.readSome(into: raw) }
                }
                .get()
            } catch {
                throw ReadError(description: "cannot read script \(shown): \(error)")
            }
            if count == 0 { return try reader.finish() }
            try reader.feed(chunk[0..<count])
        }
    }
}
