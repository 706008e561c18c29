import SystemPackage

/// Writes to a file descriptor (standard output by default) in big writes: text is buffered
/// up to `bufferSize` and written whole.
public final class StandardOutputSink: OutputSink {
    public static let bufferSize = 256 << 10

    private let output: FileDescriptor
    private var buffer: [UInt8] = []

    public init(output: FileDescriptor = .standardOutput) {
        self.output = output
        buffer.reserveCapacity(Self.bufferSize)
    }

    public func write(_ bytes: [UInt8]) throws(EditorError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes out everything buffered. A closed pipe (EPIPE) is an error: the reader is gone.
    public func flush() throws(EditorError) {
        defer { buffer.removeAll(keepingCapacity: true) }
        do {
            try output.writeWhole(buffer)
        } catch {
            throw EditorError("cannot write to standard output: \(error)")
        }
    }
}
