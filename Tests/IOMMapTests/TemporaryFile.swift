import Foundation
import IOMMap
import Testing

/// A scratch file path in a fresh directory, removed when the test ends.
final class TemporaryFile: Sendable {
    let directory: String
    let path: String

    init(name: String = "test.dat") {
        let template = NSTemporaryDirectory() + "iommap-test-XXXXXX"
        var bytes = Array(template.utf8CString)
        let made = bytes.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        directory = String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        path = directory + "/" + name
    }

    /// Creates the file with these contents (plain POSIX I/O, not IOMMap).
    @discardableResult
    func create(_ bytes: [UInt8]) -> TemporaryFile {
        let created = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        precondition(created, "could not create \(path)")
        return self
    }

    /// Creates a sparse file of `size` bytes.
    @discardableResult
    func createSparse(size: Int) -> TemporaryFile {
        create([])
        truncateExternally(to: size)
        return self
    }

    /// The file's bytes, read with plain POSIX I/O.
    var contents: [UInt8] {
        (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
    }

    /// The file's size on disk, or nil if it does not exist.
    var sizeOnDisk: Int? {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : nil
    }

    var exists: Bool { sizeOnDisk != nil }

    /// Changes the size through a second descriptor, as another process would.
    func truncateExternally(to size: Int) {
        let descriptor = open(path, O_RDWR)
        precondition(descriptor >= 0, "open failed")
        precondition(ftruncate(descriptor, off_t(size)) == 0, "ftruncate failed")
        close(descriptor)
    }

    /// Writes bytes through a second descriptor (pwrite), as another process would.
    func writeExternally(_ bytes: [UInt8], at offset: Int) {
        let descriptor = open(path, O_RDWR)
        precondition(descriptor >= 0, "open failed")
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
        precondition(written == bytes.count, "pwrite failed")
        close(descriptor)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// `count` bytes of a repeating, position-dependent pattern.
func pattern(_ count: Int, seed: UInt8 = 0) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed)) }
}

/// Runs `body(index)` on `count` OS threads at once and waits for all of them.
/// Swift's task pool is only as wide as the cores, so tasks alone would not race.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    group.wait()
}

/// The `MapError` a throwing call produced, or nil if it succeeded.
func mapError(_ body: () throws -> Void) -> MapError? {
    do {
        try body()
        return nil
    } catch let error as MapError {
        return error
    } catch {
        Issue.record("expected a MapError, got \(error)")
        return nil
    }
}

/// Whether a sanitizer runtime is linked in: they intercept mlock and inflate
/// anonymous memory, so memory figures mean nothing under them.
let runningUnderSanitizer: Bool = dlsym(nil, "__tsan_init") != nil || dlsym(nil, "__asan_init") != nil
