import HexEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `text` to standard error with write(2) (the C `stderr` global is not
/// concurrency-safe to name from Swift 6). Control characters are escaped on the way out:
/// a message may quote a file name or a script's word, and none of it may steer the terminal.
func writeToStandardError(_ text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.escaped(String($0)) }
    let bytes = Array(lines.joined(separator: "\n").utf8)
    var done = 0
    while done < bytes.count {
        let written = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress! + done, $0.count - done) }
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        done += written
    }
}
