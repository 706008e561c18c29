import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file a path names: its device and inode. Log rotation renames the
/// old file away and creates a new one at the path; the identity tells the two apart.
public struct FileIdentity: Equatable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    /// The identity of the file at `path` now; nil when nothing is there.
    public init?(path: FilePath) {
        var info = stat()
        guard path.withPlatformString({ stat($0, &info) }) == 0 else { return nil }
        device = UInt64(truncatingIfNeeded: info.st_dev)
        inode = UInt64(truncatingIfNeeded: info.st_ino)
    }
}

/// What became of the file the editor opened, as seen through its path.
public enum FileFate: Equatable, Sendable {
    /// The path still names the file that is mapped.
    case present
    /// Nothing is at the path any more (the mapping keeps the old file alive).
    case deleted
    /// The path names another file now (log rotation: rename + new file).
    case replaced
}

extension FileFate {
    /// Compares the file at `path` now with the identity recorded at open.
    static func of(path: FilePath, opened: FileIdentity?) -> FileFate {
        guard let current = FileIdentity(path: path) else { return .deleted }
        guard let opened else { return .present }
        return current == opened ? .present : .replaced
    }
}
