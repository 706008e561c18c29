import SystemPackage

/// Writes `text` to standard error through the descriptor (the C `stderr` global is not
/// concurrency-safe to name from Swift 6). Control characters are escaped on the way out:
/// a message may quote a file name or a script's word, and none of it may steer the terminal.
public func writeToStandardError(_ text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.escaped(String($0)) }
    // Nothing to do when standard error itself fails: there is nowhere left to say so.
    try? FileDescriptor.standardError.writeWhole(Array(lines.joined(separator: "\n").utf8))
}
