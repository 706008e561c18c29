import HexEditor

/// An output sink that keeps what it is given, for checking a command's text.
final class CollectingSink: OutputSink {
    var bytes: [UInt8] = []
    var text: String { String(decoding: bytes, as: UTF8.self) }
    var lines: [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    func write(_ bytes: [UInt8]) throws(EditorError) {
        self.bytes += bytes
    }

    func flush() throws(EditorError) {}
}
