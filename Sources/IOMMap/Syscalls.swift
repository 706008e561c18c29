import CIOMMap
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Every system call IOMMap makes goes through this file: EINTR is retried in
// one place and failures become `Errno` values.

private func valueOrErrno<I: FixedWidthInteger>(_ value: I) -> Result<I, Errno> {
    value == -1 ? .failure(Errno(rawValue: errno)) : .success(value)
}

private func retryingOnInterrupt<I: FixedWidthInteger>(_ call: () -> I) -> Result<I, Errno> {
    while true {
        let result = valueOrErrno(call())
        if case .failure(.interrupted) = result { continue }
        return result
    }
}

/// The corresponding C function is `open`. The path's bytes go to the kernel as they are
/// (a name that is not UTF-8 opens the file it names, not a lookalike).
func systemOpen(_ path: FilePath, _ flags: CInt, _ permissions: mode_t = 0o644) -> Result<CInt, Errno> {
    while true {
        // The closure gives back a plain CInt, the descriptor or minus errno: a Result through
        // FilePath's generic closure API makes the runtime build that Result's metadata, and
        // look for Errno's conformance to Error across the whole binary, on the first open.
        let outcome = path.withPlatformString { name in
            let descriptor = open(name, flags, permissions)
            return descriptor == -1 ? -errno : descriptor
        }
        if outcome >= 0 { return .success(outcome) }
        if outcome != -EINTR { return .failure(Errno(rawValue: -outcome)) }
    }
}

/// The corresponding C function is `close`. EINTR is not retried: the descriptor is gone either way.
func systemClose(_ descriptor: CInt) -> Result<Void, Errno> {
    valueOrErrno(close(descriptor)).map { _ in () }
}

/// The corresponding C function is `fstat`.
func systemFileSize(_ descriptor: CInt) -> Result<(size: Int, isRegular: Bool), Errno> {
    systemStatus(descriptor).map { status in
        (Int(status.st_size), (status.st_mode & S_IFMT) == S_IFREG)
    }
}

/// The corresponding C function is `fstat`.
func systemStatus(_ descriptor: CInt) -> Result<stat, Errno> {
    var status = stat()
    return valueOrErrno(fstat(descriptor, &status)).map { _ in status }
}

/// Whether the file system holding `descriptor` has no block left for an unprivileged
/// writer. The corresponding C function is `fstatvfs`.
func systemIsFull(_ descriptor: CInt) -> Bool {
    var status = statvfs()
    guard fstatvfs(descriptor, &status) == 0 else { return false }
    return status.f_bavail == 0
}

/// Where the next stretch of data (or, with `hole`, of hole) starts at or after `offset`.
/// The corresponding C function is `lseek(SEEK_DATA / SEEK_HOLE)`.
func systemSeekData(_ descriptor: CInt, _ offset: Int, hole: Bool) -> Result<Int, Errno> {
    valueOrErrno(iommap_seek_data(descriptor, off_t(offset), hole ? 1 : 0)).map { Int($0) }
}

/// Reserves blocks for a range, so later writes into it cannot fail for want of space.
/// The corresponding C function is `fallocate` (Linux) or `posix_fallocate`.
func systemAllocate(_ descriptor: CInt, _ offset: Int, _ count: Int) -> Result<Void, Errno> {
    retryingOnInterrupt { iommap_allocate(descriptor, off_t(offset), off_t(count)) }.map { _ in () }
}

/// Turns a range into a hole: it reads as zeros and its blocks are freed.
/// The corresponding C function is `fallocate(FALLOC_FL_PUNCH_HOLE)`.
func systemPunchHole(_ descriptor: CInt, _ offset: Int, _ count: Int) -> Result<Void, Errno> {
    retryingOnInterrupt { iommap_punch_hole(descriptor, off_t(offset), off_t(count)) }.map { _ in () }
}

/// The corresponding C function is `flock`.
func systemFileLock(_ descriptor: CInt, _ operation: CInt) -> Result<Void, Errno> {
    retryingOnInterrupt { flock(descriptor, operation) }.map { _ in () }
}

/// The corresponding C function is `ftruncate`.
func systemTruncate(_ descriptor: CInt, _ size: Int) -> Result<Void, Errno> {
    retryingOnInterrupt { ftruncate(descriptor, off_t(size)) }.map { _ in () }
}

/// The corresponding C function is `unlink`.
func systemUnlink(_ path: FilePath) {
    path.withPlatformString { _ = unlink($0) }
}

/// The corresponding C function is `mmap`.
func systemMap(
    at address: UnsafeMutableRawPointer?, length: Int, protection: CInt, flags: CInt,
    descriptor: CInt, offset: Int
) -> Result<UnsafeMutableRawPointer, Errno> {
    let result = mmap(address, length, protection, flags, descriptor, off_t(offset))
    guard let result, result != MAP_FAILED else { return .failure(Errno(rawValue: errno)) }
    return .success(result)
}

/// The corresponding C function is `munmap`.
func systemUnmap(_ address: UnsafeMutableRawPointer, _ length: Int) {
    _ = munmap(address, length)
}

/// The corresponding C function is `mremap` (Linux), without MREMAP_MAYMOVE.
func systemRemapInPlace(_ address: UnsafeMutableRawPointer, from oldLength: Int, to newLength: Int)
    -> Result<Void, Errno>
{
    valueOrErrno(iommap_remap_in_place(address, oldLength, newLength)).map { _ in () }
}

/// The corresponding C function is `msync`.
func systemSync(_ address: UnsafeMutableRawPointer, _ length: Int, _ flags: CInt) -> Result<Void, Errno> {
    retryingOnInterrupt { msync(address, length, flags) }.map { _ in () }
}

/// The corresponding C function is `madvise`.
func systemAdvise(_ address: UnsafeMutableRawPointer, _ length: Int, _ advice: CInt) -> Result<Void, Errno> {
    valueOrErrno(madvise(address, length, advice)).map { _ in () }
}

/// The corresponding C function is `mlock`.
func systemLock(_ address: UnsafeMutableRawPointer, _ length: Int) -> Result<Void, Errno> {
    valueOrErrno(mlock(address, length)).map { _ in () }
}

/// Turns off the unified buffer cache for this descriptor (macOS); elsewhere nothing to do.
func systemDisableCache(_ descriptor: CInt) -> Result<Void, Errno> {
    #if canImport(Darwin)
    return valueOrErrno(fcntl(descriptor, F_NOCACHE, 1)).map { _ in () }
    #else
    return .success(())
    #endif
}

/// The system's page size.
let systemPageSize: Int = Int(sysconf(CInt(_SC_PAGESIZE)))
