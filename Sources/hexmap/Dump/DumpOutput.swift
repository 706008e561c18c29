#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the dump's text (or, with `-r`, its bytes) goes: standard output, a file that exists, or
/// a file that does not exist yet.
///
/// A file that exists is written in place, as xxd writes it: a dump truncates it, a reverse
/// patches it. A new file is written under a temporary name in the same directory and renamed to
/// its own name once complete, so a run that fails part-way (a malformed dump, a full disk, an
/// input that cannot be read) leaves no empty or half-written file behind.
struct DumpOutput {
    /// Where to write: standard output, the existing file, or the temporary file.
    let fd: Int32
    /// The output path as given; nil for standard output.
    let path: DumpPath?
    /// The temporary name of a new file until `finish()` renames it.
    private let temporary: DumpPath?

    /// Opens the output as xxd does (`O_WRONLY | O_CREAT`, plus `O_TRUNC` for a dump).
    static func open(_ path: DumpPath?, truncating: Bool) throws(DumpFailure) -> DumpOutput {
        guard let path else { return DumpOutput(fd: 1, path: nil, temporary: nil) }
        do {
            // A trailing `/` names a directory: open(2) gives xxd's error for it.
            if DumpSyscalls.isMissing(path), path.bytes.last != UInt8(ascii: "/") {
                let (fd, temporary) = try createTemporary(beside: path)
                return DumpOutput(fd: fd, path: path, temporary: temporary)
            }
            let flags = O_WRONLY | O_CREAT | (truncating ? O_TRUNC : 0)
            return DumpOutput(fd: try DumpSyscalls.openFile(path, flags: flags), path: path, temporary: nil)
        } catch {
            throw .output("\(path.shown): \(error.description)")
        }
    }

    /// Whether `fd` is a file that existed before the run (which `-r` patches in place).
    var isExistingFile: Bool { path != nil && temporary == nil }

    /// The output is complete: a new file takes its name. Closes the descriptor.
    func finish() throws(DumpFailure) {
        guard let path, let temporary else {
            if fd != 1 { DumpSyscalls.closeFile(fd) }
            return
        }
        do {
            try DumpSyscalls.closeChecked(fd)
            try DumpSyscalls.renameFile(temporary, to: path)
        } catch {
            DumpSyscalls.removeFile(temporary)
            throw .output("\(path.shown): \(error.description)")
        }
    }

    /// The run failed: a new file disappears with whatever was written to it. Closes the descriptor.
    func abandon() {
        if fd != 1 { DumpSyscalls.closeFile(fd) }
        if let temporary { DumpSyscalls.removeFile(temporary) }
    }

    /// `DIR/.hexmap-dump-RANDOM`, created exclusively with the mode xxd gives a new file.
    private static func createTemporary(beside path: DumpPath) throws(DumpSystemError) -> (Int32, DumpPath) {
        let directory = path.directory
        var attempt = 0
        while true {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 16)
            let temporary = DumpPath(bytes: directory + Array(".hexmap-dump-\(suffix)".utf8))
            do {
                return (try DumpSyscalls.openFile(temporary, flags: O_WRONLY | O_CREAT | O_EXCL), temporary)
            } catch  where error.code == EEXIST && attempt < 16 {
                attempt += 1
            }
        }
    }
}
