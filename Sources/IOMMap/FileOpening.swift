import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The steps of `MappedFile.init` that touch the disk, and how to undo them.
struct FileOpening {
    let path: FilePath
    let descriptor: CInt
    /// The file's size when it opened, before `size` or `truncate` changed it.
    let originalSize: Int
    /// The size after the open options were applied: the mapped size.
    let size: Int
    /// Whether this open created the file (so a failure removes it again).
    let created: Bool

    /// Opens the file, creating or resizing it as the options ask.
    static func open(path: FilePath, mode: AccessMode, options: OpenOptions) throws(MapError) -> FileOpening {
        // A private mapping never writes the file, so it needs only a read-only
        // descriptor unless the options themselves change the file.
        let changesFile = options.create || options.truncate || options.size != nil
        let readOnly = mode == .read || (options.sharing == .private && !changesFile)
        // O_NONBLOCK: a FIFO must not hang the open before fstat says it is no regular file.
        let access = (readOnly ? O_RDONLY : O_RDWR) | O_CLOEXEC | O_NONBLOCK

        var created = false
        var descriptor: CInt
        switch systemOpen(path, access) {
        case .success(let opened):
            descriptor = opened
        case .failure(.noSuchFileOrDirectory) where options.create:
            switch systemOpen(path, access | O_CREAT | O_EXCL) {
            case .success(let opened):
                descriptor = opened
                created = true
            case .failure(.fileExists):  // someone created it meanwhile: open theirs
                descriptor = try systemOpen(path, access).get(orThrow: "open")
            case .failure(let errno):
                throw .system(operation: "open", errno: errno)
            }
        case .failure(let errno):
            throw .system(operation: "open", errno: errno)
        }

        var opening = FileOpening(
            path: path, descriptor: descriptor, originalSize: 0, size: 0, created: created)
        do throws(MapError) {
            let status = try systemFileSize(descriptor).get(orThrow: "fstat")
            guard status.isRegular else {
                throw .invalidArgument("not a regular file")
            }
            var size = status.size
            let original = size
            if options.truncate {
                size = options.size ?? 0
            } else if let wanted = options.size, wanted > size {
                size = wanted
            }
            if options.truncate && original > 0 {
                // As O_TRUNC, then the size: `size` zero bytes, none of the old ones. Nothing
                // can bring the cut bytes back, so a failure after this leaves the file empty.
                try systemTruncate(descriptor, 0).get(orThrow: "ftruncate")
                opening = FileOpening(path: path, descriptor: descriptor, originalSize: 0, size: 0, created: created)
                if size > 0 {
                    try systemTruncate(descriptor, size).get(orThrow: "ftruncate")
                }
                opening = FileOpening(path: path, descriptor: descriptor, originalSize: 0, size: size, created: created)
            } else {
                opening = FileOpening(
                    path: path, descriptor: descriptor, originalSize: original, size: size, created: created)
                if size != original {
                    try systemTruncate(descriptor, size).get(orThrow: "ftruncate")
                }
            }
            if options.noCache {
                try systemDisableCache(descriptor).get(orThrow: "fcntl(F_NOCACHE)")
            }
            return opening
        } catch {
            opening.undo()
            throw error
        }
    }

    /// Maps the opened file with room to grow in place.
    static func map(_ opening: FileOpening, mode: AccessMode, options: OpenOptions) throws(MapError) -> Mapping {
        let capacity = mappingCapacity(forSize: opening.size, sharing: options.sharing)
        var flags = options.sharing == .shared ? MAP_SHARED : (MAP_PRIVATE | MAP_NORESERVE)
        #if os(Linux)
        if options.populate { flags |= MAP_POPULATE }
        #endif
        let base = try systemMap(
            at: nil, length: capacity, protection: mode.protection, flags: flags,
            descriptor: opening.descriptor, offset: 0
        ).get(orThrow: "mmap")
        let mapping = Mapping(base: base, capacity: capacity, fileBacked: capacity)
        #if !os(Linux)
        if options.populate && opening.size > 0 {
            _ = systemAdvise(base, pageCeiling(opening.size), MADV_WILLNEED)
        }
        #endif
        if options.lock && opening.size > 0 {
            try systemLock(base, pageCeiling(opening.size)).get(orThrow: "mlock")
        }
        return mapping
    }

    /// Undoes what `open` did to the disk (the file it created, the size it grew) and closes the descriptor.
    /// Data cut by `truncate` cannot come back, which is why truncation is the last step before mapping.
    func undo() {
        if created {
            systemUnlink(path)
        } else if size > originalSize {
            _ = systemTruncate(descriptor, originalSize)
        }
        _ = systemClose(descriptor)
    }
}

/// How much address space to map for `size` bytes. A shared mapping reaches
/// past the end of the file, so the file can grow (by us or by another process)
/// without moving the mapping; readers never see an address disappear.
func mappingCapacity(forSize size: Int, sharing: Sharing) -> Int {
    guard sharing == .shared else { return max(pageCeiling(size), systemPageSize) }
    let slack = max(size / 4, 1 << 20)
    let (total, overflow) = size.addingReportingOverflow(slack)
    return overflow ? pageCeiling(size) : pageCeiling(total)
}

extension AccessMode {
    /// The page protection for this mode (a write-only mapping still maps readable: the CPU needs it).
    var protection: CInt {
        self == .read ? PROT_READ : (PROT_READ | PROT_WRITE)
    }
}

extension Result where Failure == Errno {
    /// The value, or `MapError.system` naming the operation.
    func get(orThrow operation: String) throws(MapError) -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let errno): throw .system(operation: operation, errno: errno)
        }
    }
}
