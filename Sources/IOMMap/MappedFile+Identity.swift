import CIOMMap

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file a handle maps, and advisory locking between processes.
extension MappedFile {
    /// The device and inode of a file: what stays the same when it is renamed, and tells a
    /// new file at the same path (log rotation) from the old one.
    public struct FileID: Hashable, Sendable, CustomStringConvertible {
        /// The device the file lives on (`st_dev`).
        public let device: UInt64
        /// The file's inode number on that device (`st_ino`).
        public let inode: UInt64
        /// When the file was created, in nanoseconds since 1970; 0 where the file system does
        /// not say. It tells a new file from a deleted one whose inode number was reused.
        public let birth: UInt64

        /// An id from its parts, for comparing with one that ``MappedFile/fileID()`` returned
        /// (a `stat` of the path, say). Leave `birth` 0 when it is not known.
        public init(device: UInt64, inode: UInt64, birth: UInt64 = 0) {
            self.device = device
            self.inode = inode
            self.birth = birth
        }

        /// `device:inode`, in decimal.
        public var description: String { "\(device):\(inode)" }

        /// Whether both ids could be the same file: the same device and inode, and the same
        /// creation time where both know it.
        public func mayBeSameFile(as other: FileID) -> Bool {
            device == other.device && inode == other.inode && (birth == 0 || other.birth == 0 || birth == other.birth)
        }
    }

    /// The device and inode of the mapped file (not of whatever the path names now).
    /// The corresponding C function is `fstat`.
    ///
    /// - Throws: ``MapError/closed``, or ``MapError/system(operation:errno:)`` (`fstat`).
    public func fileID() throws(MapError) -> FileID {
        try withOpenState(writing: false, allowWriteOnly: true) { (state) throws(MapError) -> FileID in
            let status = try systemStatus(state.descriptor).get(orThrow: "fstat")
            var seconds: Int64 = 0
            var nanoseconds: UInt32 = 0
            let birth =
                iommap_birth_time(state.descriptor, &seconds, &nanoseconds) == 0 && seconds > 0
                ? UInt64(seconds) * 1_000_000_000 + UInt64(nanoseconds) : 0
            return FileID(
                device: UInt64(truncatingIfNeeded: status.st_dev), inode: UInt64(truncatingIfNeeded: status.st_ino),
                birth: birth)
        }
    }

    /// Takes an exclusive advisory lock on the file, as `flock(1)` does, without waiting:
    /// false when another open file description holds it. The lock goes with `close()`.
    /// The corresponding C function is `flock`.
    ///
    /// - Throws: ``MapError/closed``, or ``MapError/system(operation:errno:)`` (`flock`).
    public func tryLock() throws(MapError) -> Bool {
        try withOpenState(writing: false, allowWriteOnly: true) { (state) throws(MapError) -> Bool in
            switch systemFileLock(state.descriptor, LOCK_EX | LOCK_NB) {
            case .success: return true
            case .failure(.wouldBlock): return false
            case .failure(let errno): throw .system(operation: "flock", errno: errno)
            }
        }
    }

    /// Gives up the lock `tryLock()` took.
    ///
    /// - Throws: ``MapError/closed``, or ``MapError/system(operation:errno:)`` (`flock`).
    public func unlock() throws(MapError) {
        try withOpenState(writing: false, allowWriteOnly: true) { (state) throws(MapError) in
            try systemFileLock(state.descriptor, LOCK_UN).get(orThrow: "flock")
        }
    }
}
