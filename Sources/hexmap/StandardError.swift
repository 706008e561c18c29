import Glibc

/// Writes `text` to standard error with write(2) (the C `stderr` global is not
/// concurrency-safe to name from Swift 6).
func writeToStandardError(_ text: String) {
    let bytes = Array(text.utf8)
    var done = 0
    while done < bytes.count {
        let written = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress! + done, $0.count - done) }
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        done += written
    }
}
