import Foundation

/// A tmpfs of a few KiB mounted in a fresh directory.
public struct SmallFilesystem: Sendable {
    public let directory: String

    public static let canMount: Bool = {
        guard getuid() == 0, let probe = try? SmallFilesystem(kilobytes: 64) else { return false }
        probe.remove()
        return true
    }()

    public init(kilobytes: Int) throws {
        directory = NSTemporaryDirectory() + "hexmap-tmpfs-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Self.run("/bin/mount", "-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", directory)
    }

    public func remountReadOnly() throws {
        try Self.run("/bin/mount", "-o", "remount,ro", directory)
    }

    public func remove() {
        try? Self.run("/bin/umount", directory)
        try? FileManager.default.removeItem(atPath: directory)
    }

    public struct CommandFailed: Error {}

    /// Kilobytes in use on the file system: how much its files really occupy.
    public var usedKilobytes: Int {
        var status = statvfs()
        guard statvfs(directory, &status) == 0 else { return -1 }
        return Int(status.f_blocks - status.f_bfree) * Int(status.f_frsize) / 1024
    }

    private static func run(_ tool: String, _ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CommandFailed() }
    }
}
