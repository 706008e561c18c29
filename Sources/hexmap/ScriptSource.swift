import HexEditor
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
        let fd = path.map { $0.withPlatformString { open($0, O_RDONLY | O_CLOEXEC) } } ?? STDIN_FILENO
        if fd < 0 {
            throw ReadError(description: "cannot read script \(shown): \(String(cString: strerror(errno)))")
        }
        defer { if fd != STDIN_FILENO { _ = close(fd) } }
        var reader = Script.Reader(name: TerminalText.escaped(name))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(description: "cannot read script \(shown): \(String(cString: strerror(errno)))")
            }
            if count == 0 { return try reader.finish() }
            try reader.feed(chunk[0..<count])
        }
    }
}
