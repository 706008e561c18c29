import SystemPackage

// The one I/O layer for plain descriptors (standard streams, pipes, scripts, spill files,
// journals, dump output): swift-system's calls, which retry EINTR, wrapped so that a whole
// buffer is written or read and the failure is a typed `Errno`. Mapped files go through IOMMap.

extension FileDescriptor {
    // The loops below call swift-system's one-buffer writes rather than its `writeAll`, which is
    // generic over the bytes' sequence: its first call makes the runtime look for Errno's
    // conformance to Error across the whole binary, on every start (the lock note).

    /// Writes every byte of `bytes`, however many calls the kernel needs.
    public func writeWhole(_ bytes: UnsafeRawBufferPointer) throws(Errno) {
        var written = 0
        while written < bytes.count {
            do {
                written += try write(UnsafeRawBufferPointer(rebasing: bytes[written...]))
            } catch {
                throw Errno.of(error)
            }
        }
    }

    /// Writes every byte of `bytes` at `offset`, leaving the descriptor's position alone.
    public func writeWhole(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(Errno) {
        var written = 0
        while written < bytes.count {
            do {
                written += try write(
                    toAbsoluteOffset: Int64(offset + written), UnsafeRawBufferPointer(rebasing: bytes[written...]))
            } catch {
                throw Errno.of(error)
            }
        }
    }

    public func writeWhole(_ bytes: [UInt8]) throws(Errno) {
        try bytes.withUnsafeBytes { raw in Result { () throws(Errno) in try writeWhole(raw) } }.get()
    }

    /// Reads what is there, up to `buffer.count` bytes; 0 at the end of the input.
    /// With `retryingInterrupts` false, a signal ends the wait with `Errno.interrupted`,
    /// so the caller can look at what the signal asked for.
    public func readSome(into buffer: UnsafeMutableRawBufferPointer, retryingInterrupts: Bool = true) throws(Errno)
        -> Int
    {
        do {
            return try read(into: buffer, retryOnInterrupt: retryingInterrupts)
        } catch {
            throw Errno.of(error)
        }
    }

    /// Reads until `buffer` is full or the input ends; the count read.
    public func readWhole(into buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = try readSome(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    /// Reads until `buffer` is full or the file ends, from `offset`; the count read.
    public func readWhole(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(Errno) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count: Int
            do {
                count = try read(
                    fromAbsoluteOffset: Int64(offset + filled),
                    into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            } catch {
                throw Errno.of(error)
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    /// The whole input up to `limit` bytes (a history file, a lock note).
    public func readToEnd(limit: Int) throws(Errno) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: min(limit, 1 << 16))
        while bytes.count < limit {
            let count = try chunk.withUnsafeMutableBytes { raw in Result { () throws(Errno) in try readSome(into: raw) }
            }
            .get()
            if count == 0 { break }
            bytes += chunk[0..<min(count, limit - bytes.count)]
        }
        return bytes
    }
}

extension FilePath {
    /// The file's bytes, up to `limit` (a history, a lock note, a struct definition, a journal).
    public func readContents(limit: Int) throws(Errno) -> [UInt8] {
        let file: FileDescriptor
        do {
            file = try FileDescriptor.open(self, .readOnly, options: .closeOnExec)
        } catch {
            throw Errno.of(error)
        }
        defer { try? file.close() }
        return try file.readToEnd(limit: limit)
    }

    /// Writes `bytes` to the file, created with mode 0600 when missing; `appending` adds them at
    /// the end, otherwise they replace what was there.
    ///
    /// Replacing writes over the old bytes and then cuts what is left of them, rather than
    /// opening with `O_TRUNC`: ext4 answers a non-empty file truncated to zero by allocating and
    /// writing its blocks at close (its `auto_da_alloc` guard), a hundred microseconds on a
    /// stale lock note at every start.
    public func writeContents(_ bytes: [UInt8], appending: Bool = false) throws(Errno) {
        let file: FileDescriptor
        do {
            file = try FileDescriptor.open(
                self, .writeOnly, options: appending ? [.create, .closeOnExec, .append] : [.create, .closeOnExec],
                permissions: [.ownerReadWrite])
        } catch {
            throw Errno.of(error)
        }
        defer { try? file.close() }
        try file.writeWhole(bytes)
        guard !appending else { return }
        do {
            // Cutting costs a journal transaction even when nothing is cut: only when longer.
            if try file.seek(offset: 0, from: .end) > Int64(bytes.count) {
                try file.resize(to: Int64(bytes.count))
            }
        } catch {
            throw Errno.of(error)
        }
    }
}

extension Errno {
    /// The errno inside an error thrown by swift-system (which throws nothing else).
    public static func of(_ error: any Error) -> Errno {
        error as? Errno ?? .ioError
    }
}
