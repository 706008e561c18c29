import HexDump
import IOMMap

/// A reversed dump applied to a file that exists, all or nothing.
///
/// xxd writes a patch as it reads the dump, so a failure leaves the file half-patched. Here the
/// whole dump is parsed first (`XXDPatchSet`); then the file grows if the patch reaches past its
/// end, the patched ranges get their disk blocks reserved (a full disk fails here, before any
/// byte changes), and the bytes about to be overwritten are saved. If a write still fails (a file
/// system that cannot reserve blocks, an I/O error), the saved bytes go back and the file
/// returns to its size: the file is either fully patched or as it was.
struct FilePatch {
    let patches: XXDPatchSet
    let path: DumpPath
    /// How bytes reach the file: through its mapping. Tests put a writer here that fails part-way.
    var write: (MappedFile, UnsafeRawBufferPointer, Int) throws(MapError) -> Void = {
        (file, bytes, position) throws(MapError) in try file.write(from: bytes, at: position)
    }

    func apply() throws(DumpFailure) {
        guard !patches.runs.isEmpty else { return }
        do {
            let file = try MappedFile(path: path.filePath, mode: .readWrite)
            try apply(to: file)
            try file.close()
        } catch {
            throw .output(path, error)
        }
    }

    private func apply(to file: MappedFile) throws(MapError) {
        let originalSize = try file.size()
        do throws(MapError) {
            if patches.end > originalSize {
                try file.resize(to: patches.end)
            }
            for run in patches.runs {
                try file.allocate(offset: run.position, count: run.storage.count)
            }
            let saved = try savedBytes(of: file, below: originalSize)
            do throws(MapError) {
                try patches.apply { (bytes, position) throws(MapError) in
                    try write(file, bytes, position)
                }
            } catch {
                // Best effort: the pages were just written, so writing them again rarely fails.
                for (position, bytes) in saved.reversed() {
                    try? file.write(bytes, at: position)
                }
                throw error
            }
        } catch {
            if (try? file.size()) != originalSize {
                try? file.resize(to: originalSize)
            }
            throw error
        }
    }

    /// The file's bytes under each run, as far as the file reached before the patch.
    private func savedBytes(of file: MappedFile, below size: Int) throws(MapError) -> [(Int, [UInt8])] {
        var saved: [(Int, [UInt8])] = []
        for run in patches.runs where run.position < size {
            let count = min(run.storage.count, size - run.position)
            saved.append((run.position, try file.read(at: run.position, count: count)))
        }
        return saved
    }
}
