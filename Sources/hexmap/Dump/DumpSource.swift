#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the bytes to dump come from, a block at a time.
protocol DumpSource {
    /// Fills as much of `buffer` as the input has left; 0 means the input has ended.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(DumpFailure) -> Int
}

/// Standard input, pipes and devices: plain read(2) calls, whatever size they come in.
struct StreamDumpSource: DumpSource {
    let fd: Int32

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(DumpFailure) -> Int {
        do {
            return try DumpSyscalls.readFully(fd, into: buffer)
        } catch {
            throw .input(error.description)
        }
    }
}
