/// What a handle may do with its file.
public enum AccessMode: Sendable, Equatable {
    /// Read only: the file opens `O_RDONLY` and maps `PROT_READ`.
    case read
    /// Write only: the file opens read-write (a shared mapping needs it), and IOMMap refuses reads.
    case write
    /// Read and write.
    case readWrite

    @inlinable var allowsReading: Bool { self != .write }
    @inlinable var allowsWriting: Bool { self != .read }
}
