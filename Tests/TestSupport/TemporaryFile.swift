import Foundation

/// A file in a fresh temporary directory, removed with the directory when the value goes
/// away: the one scratch file every test target uses.
public final class TemporaryFile: Sendable {
    public let directory: String
    public let path: String

    /// A fresh directory; the file `name` in it is not made until `create`.
    public init(name: String = "data.bin") {
        let template = NSTemporaryDirectory() + "hexmap-test-XXXXXX"
        var bytes = Array(template.utf8CString)
        let made = bytes.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        directory = String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        path = directory + "/" + name
    }

    /// A file holding `bytes`.
    public convenience init(_ bytes: [UInt8], name: String = "data.bin") {
        self.init(name: name)
        create(bytes)
    }

    /// A file holding `text` as UTF-8.
    public convenience init(_ text: String, name: String = "data.bin") {
        self.init(Array(text.utf8), name: name)
    }

    /// Creates (or replaces) the file with these contents, with plain POSIX I/O.
    @discardableResult
    public func create(_ bytes: [UInt8]) -> TemporaryFile {
        let created = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        precondition(created, "could not create \(path)")
        return self
    }

    /// Creates a sparse file of `size` bytes.
    @discardableResult
    public func createSparse(size: Int) -> TemporaryFile {
        create([])
        truncateExternally(to: size)
        return self
    }

    /// The file's bytes as they are on disk now (read with Foundation, not through a mapping).
    public var bytes: [UInt8] {
        (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
    }

    /// The file's size on disk, or nil if it does not exist.
    public var sizeOnDisk: Int? {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : nil
    }

    public var exists: Bool { sizeOnDisk != nil }

    /// Changes the size through a second descriptor, as another process would.
    public func truncateExternally(to size: Int) {
        let descriptor = open(path, O_RDWR)
        precondition(descriptor >= 0, "open failed")
        precondition(ftruncate(descriptor, off_t(size)) == 0, "ftruncate failed")
        close(descriptor)
    }

    /// Writes bytes through a second descriptor (pwrite), as another process would.
    public func writeExternally(_ bytes: [UInt8], at offset: Int) {
        let descriptor = open(path, O_RDWR)
        precondition(descriptor >= 0, "open failed")
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
        precondition(written == bytes.count, "pwrite failed")
        close(descriptor)
    }

    /// A copy of the file as it is now, to compare with `cmp` afterwards.
    public func snapshot() -> String {
        let copy = path + ".before"
        try? FileManager.default.removeItem(atPath: copy)
        try? FileManager.default.copyItem(atPath: path, toPath: copy)
        return copy
    }

    /// Writes `bytes` to a file named `name` beside this one (a script) and returns its path.
    public func sibling(_ name: String, _ bytes: [UInt8]) -> String {
        let other = directory + "/" + name
        _ = FileManager.default.createFile(atPath: other, contents: Data(bytes))
        return other
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
