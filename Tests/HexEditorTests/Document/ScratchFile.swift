import Foundation
import HexEditor

/// A temporary file with known bytes, removed when the value goes away.
final class ScratchFile {
    let path: String

    init(_ bytes: [UInt8], name: String = "scratch") {
        path = NSTemporaryDirectory() + "hexmap-\(name)-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    convenience init(_ text: String) {
        self.init(Array(text.utf8))
    }

    /// The file's bytes as they are on disk now (read with Foundation, not through the mapping).
    var bytes: [UInt8] {
        (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

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
