#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The few syscalls `hexmap dump` makes on plain file descriptors (standard streams, pipes, the
// output file), each behind one small function so EINTR and errno are handled in one place.
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
        while true {
            // errno is read inside the closure: freeing the C string afterwards may change it.
            let (fd, code) = path.withCString { name in
                let fd = open(name, flags | O_CLOEXEC, mode)
                return (fd, fd < 0 ? errno : 0)
            }
            if fd >= 0 { return fd }
            if code != EINTR { throw DumpSystemError(code: code) }
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

    /// Reads up to `buffer.count` bytes; 0 means end of input.
    static func readSome(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(DumpSystemError) -> Int {
        while true {
            let count = read(fd, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw .current() }
        }
    }

    /// Reads until `buffer` is full or the input ends.
    static func readFully(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(DumpSystemError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = try readSome(fd, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    /// Writes all of `bytes`, however many calls the kernel needs.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(DumpSystemError) {
        var done = 0
        while done < bytes.count {
            let count = write(fd, bytes.baseAddress! + done, bytes.count - done)
            if count >= 0 {
                done += count
            } else if errno != EINTR {
                throw .current()
            }
        }
    }

    /// Writes the pieces in order with one writev(2) when the kernel takes them all at once.
    static func writeAll(_ fd: Int32, pieces: [UnsafeRawBufferPointer]) throws(DumpSystemError) {
        var vectors = pieces.map { iovec(iov_base: UnsafeMutableRawPointer(mutating: $0.baseAddress), iov_len: $0.count) }
        let total = pieces.reduce(0) { $0 + $1.count }
        var done = 0
        while true {
            let count = writev(fd, &vectors, Int32(vectors.count))
            if count >= 0 {
                done = count
                break
            }
            if errno != EINTR { throw .current() }
        }
        guard done < total else { return }
        // A short write (a pipe that filled up): finish piece by piece.
        for piece in pieces {
            let skip = min(done, piece.count)
            done -= skip
            try writeAll(fd, UnsafeRawBufferPointer(rebasing: piece[skip...]))
        }
    }

    /// Writes all of `bytes` at file position `position` (pwrite), leaving the descriptor's own position.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at position: Int) throws(DumpSystemError) {
        var done = 0
        while done < bytes.count {
            let count = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(position + done))
            if count >= 0 {
                done += count
            } else if errno != EINTR {
                throw .current()
            }
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

    static func writeStandardError(_ text: String) {
        var text = text
        text.withUTF8 { bytes in try? writeAll(2, UnsafeRawBufferPointer(bytes)) }
    }
}
