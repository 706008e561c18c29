import IOMMap
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// While a session edits a file, other hexmap sessions know it.
///
/// The lock is `flock` on the file itself: it follows the file through renames, is shared by
/// every user of the file, and goes away with the process however it dies. Beside it, a note
/// in the state directory (`locks/DEVICE-INODE`) holds the owner's pid, so that a second
/// session can name the holder. Identity is the device and inode, never the path: after log
/// rotation the new file at the path is a different file with its own lock.
final class EditLock {
    /// How often a waiting session tries again.
    static let retryMicroseconds: useconds_t = 50_000

    private let note: FilePath?

    private init(note: FilePath?) {
        self.note = note
    }

    /// Takes the lock on the store's file, waiting up to `waitSeconds`; throws `.busy`, naming
    /// the holder, when it stays taken.
    static func acquire(store: any ByteStore, displayPath: String, waitSeconds: Double) throws(EditorError) -> EditLock
    {
        let id = try store.fileID()
        let deadline = MonotonicClock.now() + Int64(waitSeconds * 1e9)
        while true {
            if try store.tryLock() {
                return EditLock(note: writeNote(for: id))
            }
            if MonotonicClock.now() >= deadline {
                throw EditorError("\(displayPath) is being edited by \(holder(of: id))", kind: .busy)
            }
            usleep(retryMicroseconds)
        }
    }

    /// Removes the note; the lock itself goes when the file is closed.
    func release() {
        note?.withPlatformString { _ = unlink($0) }
    }

    /// `hexmap (pid 1234)` when the note names a live process, else a vaguer phrase.
    static func holder(of id: MappedFile.FileID) -> String {
        guard let path = notePath(for: id), let text = readSmallFile(path),
            let pid = Int32(text.split(separator: "\n").first ?? ""), pid > 0, kill(pid, 0) == 0 || errno == EPERM
        else { return "another process (it holds a lock on the file)" }
        return "hexmap (pid \(pid))"
    }

    private static func notePath(for id: MappedFile.FileID) -> FilePath? {
        guard var directory = StateDirectory.directory("locks") else { return nil }
        directory.append("\(id.device)-\(id.inode)")
        return directory
    }

    private static func writeNote(for id: MappedFile.FileID) -> FilePath? {
        guard let path = notePath(for: id) else { return nil }
        let text = Array("\(getpid())\n".utf8)
        return (try? path.writeContents(text)) != nil ? path : nil
    }

    private static func readSmallFile(_ path: FilePath) -> String? {
        guard let bytes = try? path.readContents(limit: 64), !bytes.isEmpty else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
