import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The lines typed at the REPL's prompt and the editor's `:` line, kept across sessions in
/// `$XDG_STATE_HOME/hexmap/history` (one line each, the newest last). Both read and append
/// the same file. A history that cannot be read or written is a warning, never a failure.
public final class HistoryFile {
    /// Lines kept; older ones are dropped when the file is rewritten.
    public static let limit = 1000

    public let path: FilePath?
    /// Set once when the file could not be written, so the caller can warn once.
    public private(set) var writeProblem: String?

    /// The history at `path`, or the state directory's `history` file.
    public init(path: FilePath? = nil) {
        if let path {
            self.path = path
        } else if var directory = StateDirectory.directory() {
            directory.append("history")
            self.path = directory
        } else {
            self.path = nil
            writeProblem = "no state directory for the history ($XDG_STATE_HOME or $HOME)"
        }
    }

    /// The saved lines, oldest first.
    public func load() -> [String] {
        guard let path else { return [] }
        guard let bytes = try? path.readContents(limit: 8 << 20) else { return [] }
        let lines = bytes.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
        if lines.count > 2 * Self.limit { rewrite(Array(lines.suffix(Self.limit))) }
        return Array(lines.suffix(Self.limit))
    }

    /// Replaces the file with `lines` (keeping it short), through a temporary file and rename.
    private func rewrite(_ lines: [String]) {
        guard let path else { return }
        var temporary = path
        temporary.extension = "new"
        let bytes = Array(lines.map { $0 + "\n" }.joined().utf8)
        if (try? temporary.writeContents(bytes)) != nil {
            _ = temporary.withPlatformString { from in path.withPlatformString { to in rename(from, to) } }
        }
    }

    /// Adds a line at the end (blank lines are not kept).
    public func append(_ line: String) {
        guard let path, !line.allSatisfy(\.isWhitespace), !line.contains("\n") else { return }
        let bytes = Array((line + "\n").utf8)
        do {
            try path.writeContents(bytes, appending: true)
        } catch {
            if writeProblem == nil { writeProblem = "cannot write the history to \(TerminalText.path(path)): \(error)" }
        }
    }
}
