import HexDump

/// The headless live view (`--watch`, or a script that ends with `follow on`):
/// like `tail -f`, but the new bytes come out as xxd lines.
///
/// Each look at the file prints the bytes appended since the last one, as
/// `xxd -s START -l COUNT` prints them (HexDump's `XXDFormatter`), so
/// the output can be piped and compared with xxd. Truncation and rotation are
/// reported, never fatal: after a shrink printing goes on from the new end;
/// after rotation (the path names a new file) from the new file's start, like
/// `tail -F`.
public final class LiveTail {
    /// Bytes are printed in pieces of at most this size, so a huge append never piles up in memory.
    public static let chunkSize = 1 << 20

    public let document: Document
    private let output: any OutputSink
    /// Everything before this offset has been printed.
    public private(set) var position: Int
    private var fate: FileFate = .present

    /// Prints what is appended after `position` (usually the size when watching starts).
    public init(document: Document, output: any OutputSink, from position: Int) {
        self.document = document
        self.output = output
        self.position = position
    }

    /// Looks at the file once and prints what is new. Returns notices for
    /// standard error (shrink, deletion, rotation). Throws only when the output
    /// cannot be written (the reader went away).
    public func look() throws(EditorError) -> [String] {
        var notices: [String] = []
        if let notice = followFate() { notices.append(notice) }
        if case .shrank(let from, let to) = (try? document.refresh()) ?? .unchanged, to < position {
            notices.append("\(document.displayPath) shrank from \(from) to \(to) bytes; printing from the new end")
        }
        if document.size < position { position = document.size }
        while position < document.size {
            let count = min(Self.chunkSize, document.size - position)
            let bytes: [UInt8]
            do {
                bytes = try document.read(at: position, count: count)
            } catch {
                // Truncated between the size and the read: the next look sees the new size.
                break
            }
            if bytes.isEmpty { break }
            try output.write(XXDFormatter.dump(bytes, at: position))
            position += bytes.count
        }
        try output.flush()
        return notices
    }

    /// Notices deletion once, and follows rotation to the new file at the path.
    private func followFate() -> String? {
        let now = FileFate.of(path: document.path, opened: document.identity)
        defer { fate = now }
        switch now {
        case .present:
            return nil
        case .deleted:
            return fate == .deleted ? nil : "\(document.displayPath) was deleted; waiting for a new file at the path"
        case .replaced:
            do {
                _ = try document.reopenIfReplaced()
            } catch {
                return fate == .replaced
                    ? nil : "\(document.displayPath) was replaced but cannot be reopened: \(error.message)"
            }
            position = 0
            fate = .present
            return "\(document.displayPath) was replaced by a new file; printing it from its start"
        }
    }
}
