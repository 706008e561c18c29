import IOMMap

/// The bytes a `Document` edits, and the primitives its edits are made of.
///
/// `SharedFileStore` is the file itself through its shared mapping: every change reaches the
/// file at once and other processes see it. `PrivateStore` keeps every change in this process
/// (a copy-on-write mapping, plus a list of pieces for insertions, deletions and growth), so
/// the file never changes and no edit costs more memory than the bytes it adds.
///
/// Offsets and counts are checked by the `Document` before they get here.
protocol ByteStore: AnyObject {
    /// The size in bytes.
    func size() throws(EditorError) -> Int
    /// Copies `buffer.count` bytes at `offset`.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(EditorError)
    /// Overwrites bytes at `offset`; never grows.
    func write(from buffer: UnsafeRawBufferPointer, at offset: Int) throws(EditorError)
    /// Overwrites `count` bytes at `offset` with `byte`.
    func fill(_ byte: UInt8, at offset: Int, count: Int) throws(EditorError)
    /// Sets `count` bytes at `offset` to zero, giving their storage back where it can (a hole).
    func zero(at offset: Int, count: Int) throws(EditorError)
    /// The first stretch of stored data inside `range`; nil when the rest of it reads as
    /// zeros without being stored (holes), so scans can skip it.
    func nextData(in range: Range<Int>) throws(EditorError) -> Range<Int>?
    /// Makes room for `count` bytes at `offset`, the bytes from `offset` on shifted up; the
    /// room holds unspecified bytes. On a throw the store is as it was (or the error says
    /// which bytes another process took away).
    func openGap(at offset: Int, count: Int, stop: StopRequest?) throws(EditorError)
    /// Removes `count` bytes at `offset`, the bytes after them shifted down. On a throw the
    /// bytes after the range are back in place and the range holds unspecified bytes.
    func closeGap(at offset: Int, count: Int, stop: StopRequest?) throws(EditorError)
    /// Sets the size; growth adds zeros.
    func resize(to size: Int) throws(EditorError)
    /// Follows another process's change of the file's size.
    func refresh() throws(EditorError) -> SizeChange
    /// Makes the changes durable (msync); nothing to do where they never reach the file.
    func sync(async: Bool) throws(EditorError)
    /// madvise, where it means something.
    func advise(_ advice: Advice, offset: Int, count: Int) throws(EditorError)
    /// Whether dropping this process's pages of a range loses nothing (the page cache keeps them).
    var canReleasePages: Bool { get }
    /// The device and inode of the file.
    func fileID() throws(EditorError) -> MappedFile.FileID
    /// Takes the advisory lock on the file without waiting; false when someone holds it.
    func tryLock() throws(EditorError) -> Bool
    func close()
}

/// Runs a call of the mapping core, turning its error into the editor's.
func mapped<Result>(_ body: () throws(MapError) -> Result) throws(EditorError) -> Result {
    do {
        return try body()
    } catch {
        throw EditorError(error)
    }
}
