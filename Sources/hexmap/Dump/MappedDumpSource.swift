import IOMMap

/// A regular file, read through its mapping: one guarded copy per block, no read(2) per block.
///
/// It dumps the file as it was mapped when the dump started; if another process truncates it
/// meanwhile, IOMMap's guard turns the fault into an error instead of a crash. Holes are never
/// touched (see `readSkippingHoles`), so a sparse file stays sparse.
struct MappedDumpSource: DumpSource {
    let file: MappedFile
    let path: DumpPath
    let size: Int
    var position: Int

    init(path: DumpPath, start: Int) throws(DumpFailure) {
        self.path = path
        do {
            file = try MappedFile(path: path.filePath, mode: .read)
            size = try file.size()
        } catch {
            throw .input(path, error)
        }
        // Read-ahead hint for the one front-to-back pass. It is only a hint: if the kernel refuses
        // it, reading works the same, so the error is deliberately dropped.
        do {
            try file.advise(.sequential)
        } catch {}
        position = start
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(DumpFailure) -> Int {
        let count = min(buffer.count, max(size - position, 0))
        guard count > 0 else { return 0 }
        do {
            try file.readSkippingHoles(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<count]), at: position)
        } catch {
            throw .input(path, error)
        }
        position += count
        return count
    }
}
