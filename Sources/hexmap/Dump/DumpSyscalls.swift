import HexEditor
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The few syscalls `hexmap dump` makes on plain file descriptors (standard streams, pipes, the
// output file), each behind one small function; reads and writes go through the shared
// descriptor layer, which retries EINTR.
// Regular input files are read through IOMMap instead.

/// A failed syscall: what was attempted and the errno it returned.
struct DumpSystemError: Error, CustomStringConvertible {
    let code: Int32

    static func current() -> DumpSystemError { DumpSystemError(code: errno) }

    /// The C library's text for the errno, as `perror` prints it.
    var description: String { String(cString: strerror(code)) }
}

enum DumpSyscalls {
    static func openFile(_ path: DumpPath, flags: Int32, mode: mode_t = 0o666) throws(DumpSystemError) -> Int32 {
        let result = path.withCString { name in
            Result {
                try FileDescriptor.open(
                    name, FileDescriptor.AccessMode(rawValue: flags & O_ACCMODE),
                    options: FileDescriptor.OpenOptions(rawValue: flags & ~O_ACCMODE).union(.closeOnExec),
                    permissions: FilePermissions(rawValue: CInterop.Mode(mode)))
            }
        }
        switch result {
        case .success(let descriptor): return descriptor.rawValue
        case .failure(let error): throw DumpSystemError(code: Errno.of(error).rawValue)
        }
    }

    /// Whether nothing at all is at `path`, not even a dangling symbolic link.
    static func isMissing(_ path: DumpPath) -> Bool {
        path.withCString { name in
            var status = stat()
            return lstat(name, &status) != 0 && errno == ENOENT
        }
    }

    static func renameFile(_ source: DumpPath, to target: DumpPath) throws(DumpSystemError) {
        let code = source.withCString { from in target.withCString { to in rename(from, to) == 0 ? 0 : errno } }
        if code != 0 { throw DumpSystemError(code: code) }
    }

    static func removeFile(_ path: DumpPath) {
        _ = path.withCString { unlink($0) }
    }

    static func closeFile(_ fd: Int32) {
        _ = close(fd)
    }

    /// close(2) for a file whose contents matter: some file systems report write errors only here.
    /// EINTR is no failure: Linux releases the descriptor either way.
    static func closeChecked(_ fd: Int32) throws(DumpSystemError) {
        if close(fd) != 0 && errno != EINTR { throw .current() }
    }

    /// Reads until `buffer` is full or the input ends.
    static func readFully(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(DumpSystemError) -> Int {
        do {
            return try FileDescriptor(rawValue: fd).readWhole(into: buffer)
        } catch {
            throw DumpSystemError(code: error.rawValue)
        }
    }

    /// Writes all of `bytes`, however many calls the kernel needs.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(DumpSystemError) {
        do {
            try FileDescriptor(rawValue: fd).writeWhole(bytes)
        } catch {
            throw DumpSystemError(code: error.rawValue)
        }
    }

    /// Writes the pieces in order.
    static func writeAll(_ fd: Int32, pieces: [UnsafeRawBufferPointer]) throws(DumpSystemError) {
        for piece in pieces { try writeAll(fd, piece) }
    }

    /// Writes all of `bytes` at file position `position` (pwrite), leaving the descriptor's own position.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at position: Int) throws(DumpSystemError) {
        do {
            try FileDescriptor(rawValue: fd).writeWhole(bytes, at: position)
        } catch {
            throw DumpSystemError(code: error.rawValue)
        }
    }

    /// The new position, or nil where the descriptor cannot seek there (a pipe, a negative target).
    static func seek(_ fd: Int32, by offset: Int, from whence: Int32) -> Int? {
        let position = lseek(fd, off_t(offset), whence)
        return position >= 0 ? Int(position) : nil
    }

    static func isRegularFile(_ fd: Int32) -> Bool {
        regularFileSize(fd) != nil
    }

    /// The size of a regular file; nil for pipes, devices, directories.
    static func regularFileSize(_ fd: Int32) -> Int? {
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(status.st_size)
    }
}
