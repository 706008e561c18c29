#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to a file descriptor (standard output by default) in big writes: text is buffered
/// up to `bufferSize` and written with `write(2)`, retried on EINTR and short writes.
public final class StandardOutputSink: OutputSink {
    public static let bufferSize = 256 << 10

    private let fd: Int32
    private var buffer: [UInt8] = []

    public init(fd: Int32 = STDOUT_FILENO) {
        self.fd = fd
        buffer.reserveCapacity(Self.bufferSize)
    }

    public func write(_ bytes: [UInt8]) throws(EditorError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes out everything buffered. A closed pipe (EPIPE) is an error: the reader is gone.
    public func flush() throws(EditorError) {
        defer { buffer.removeAll(keepingCapacity: true) }
        var done = 0
        while done < buffer.count {
            let written = buffer.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + done, $0.count - done) }
            if written < 0 {
                if errno == EINTR { continue }
                throw EditorError("cannot write to standard output: \(String(cString: strerror(errno)))")
            }
            done += written
        }
    }
}

/// The C library's write(2), which `OutputSink.write` hides inside the sink.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
