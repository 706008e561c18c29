import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// REPL lines from a pipe or a file: no prompt, no echo, each line handed over as soon as its
/// newline arrives (so a program can drive the REPL through pipes, a line at a time).
///
/// A line longer than the lexer's limit is cut at one byte past it (the parser then reports
/// it as too long) and the rest, up to its newline, is dropped: memory stays bounded.
public final class PipeInput: ReplInput {
    private let descriptor: FileDescriptor
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false
    /// Set while the rest of an overlong line is being dropped.
    private var skipping = false

    public init(descriptor: FileDescriptor = .standardInput) {
        self.descriptor = descriptor
    }

    public var isTerminal: Bool { false }

    public func nextLine() -> ReplLine {
        let limit = CommandLexer.maximumLineLength
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                compact()
                if skipping {
                    skipping = false
                    continue
                }
                return .line(line)
            }
            if !skipping && buffer.count - start > limit {
                let line = Array(buffer[start...(start + limit)])
                start = buffer.count
                compact()
                skipping = true
                return .line(line)
            }
            if skipping {
                start = buffer.count
                compact()
            }
            if ended {
                guard start < buffer.count, !skipping else { return .end }
                let line = Array(buffer[start...])
                start = buffer.count
                return .line(line)
            }
            // A signal interrupted the read: the REPL looks at it before reading on.
            if !fill() { return .cancelled }
        }
    }

    /// Reads what the pipe has (at least a byte, or the end); false when a signal that asks
    /// to stop interrupted the read.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let read = chunk.withUnsafeMutableBytes { raw in
                Result { () throws(Errno) in try descriptor.readSome(into: raw, retryingInterrupts: false) }
            }
            switch read {
            case .failure(.interrupted):
                if SignalStop.request.isRequested { return false }
            case .failure, .success(0):
                ended = true
                return true
            case .success(let count):
                buffer += chunk[0..<count]
                return true
            }
        }
    }

    private func compact() {
        if start > 1 << 16 || start == buffer.count {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }
}
