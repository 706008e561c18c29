import IOMMap

/// The file itself, through its shared mapping (or a read-only one): every change reaches
/// the file at once. Insert and delete shift the tail with a `TailMover`, after reserving the
/// blocks the shifted bytes need, so a full disk stops them before anything moves.
final class SharedFileStore: ByteStore {
    let file: MappedFile
    /// Called before each step of an insert's or a delete's shift (a hook for tests).
    var beforeShiftStep: (() -> Void)?
    /// Where shifts report their progress (the recovery journal), if anywhere.
    var shiftJournal: ShiftJournal?

    init(file: MappedFile) {
        self.file = file
    }

    func size() throws(EditorError) -> Int { try mapped { () throws(MapError) in try file.size() } }

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(EditorError) {
        try mapped { () throws(MapError) in try file.read(into: buffer, at: offset) }
    }

    func write(from buffer: UnsafeRawBufferPointer, at offset: Int) throws(EditorError) {
        try mapped { () throws(MapError) in try file.write(from: buffer, at: offset) }
    }

    func fill(_ byte: UInt8, at offset: Int, count: Int) throws(EditorError) {
        try mapped { () throws(MapError) in try file.fill(byte, at: offset, count: count) }
    }

    func zero(at offset: Int, count: Int) throws(EditorError) {
        try mapped { () throws(MapError) in try file.zero(offset: offset, count: count) }
    }

    func nextData(in range: Range<Int>) throws(EditorError) -> Range<Int>? {
        try mapped { () throws(MapError) in try file.nextData(in: range) }
    }

    func resize(to size: Int) throws(EditorError) {
        try mapped { () throws(MapError) in try file.resize(to: size) }
    }

    func refresh() throws(EditorError) -> SizeChange {
        try mapped { () throws(MapError) in try file.refresh() }
    }

    func sync(async: Bool) throws(EditorError) {
        try mapped { () throws(MapError) in try file.sync(async ? .async : .sync) }
    }

    func advise(_ advice: Advice, offset: Int, count: Int) throws(EditorError) {
        try mapped { () throws(MapError) in try file.advise(advice, offset: offset, count: count) }
    }

    var canReleasePages: Bool { true }

    func fileID() throws(EditorError) -> MappedFile.FileID {
        try mapped { () throws(MapError) in try file.fileID() }
    }

    func tryLock() throws(EditorError) -> Bool {
        try mapped { () throws(MapError) in try file.tryLock() }
    }

    func close() {
        try? file.close()
    }

    // MARK: - Insert and delete

    func openGap(at offset: Int, count: Int, stop: StopRequest?) throws(EditorError) {
        _ = try refresh()  // shift the tail the file has now, not the one last seen
        let size = try size()
        let tail = offset..<size
        let segments = try TailMover.segments(of: tail, in: file)
        try resize(to: size + count)
        do {
            let shifted = segments.filter(\.isData).map {
                ($0.range.lowerBound + count)..<($0.range.upperBound + count)
            }
            try reserve(shifted + [offset..<(offset + count)], holes: segments.filter { !$0.isData }.map(\.range))
        } catch {
            try? file.resize(to: size)
            throw error.prefixed("insert: ").appending("; nothing changed")
        }
        let mover = TailMover(file: file, range: tail, distance: count)
        mover.beforeStep = beforeShiftStep
        mover.journal = shiftJournal
        do {
            try mover.run(stop: stop)
            try requireUnchangedSize(size + count)
        } catch {
            let kept = mover.undo()
            if let current = try? file.size(), current > kept { try? file.resize(to: kept) }
            throw Self.undone(error, operation: "insert", size: size, kept: kept)
        }
    }

    func closeGap(at offset: Int, count: Int, stop: StopRequest?) throws(EditorError) {
        _ = try refresh()
        let size = try size()
        let tail = (offset + count)..<size
        let segments = try TailMover.segments(of: offset..<size, in: file)
        let tailData = segments.filter(\.isData).compactMap { segment -> Range<Int>? in
            let part = segment.range.clamped(to: tail)
            return part.isEmpty ? nil : (part.lowerBound - count)..<(part.upperBound - count)
        }
        do {
            try reserve(tailData, holes: segments.filter { !$0.isData }.map(\.range))
        } catch {
            throw error.prefixed("delete: ").appending("; nothing changed")
        }
        let mover = TailMover(file: file, range: tail, distance: -count)
        mover.beforeStep = beforeShiftStep
        mover.journal = shiftJournal
        do {
            try mover.run(stop: stop)
            try requireUnchangedSize(size)
        } catch {
            let kept = mover.undo()
            if let current = try? file.size(), current > kept { try? file.resize(to: kept) }
            throw Self.undone(error, operation: "delete", size: size, kept: kept)
        }
        do {
            try mapped { () throws(MapError) in try file.resize(to: size - count) }
        } catch {
            try? TailMover(file: file, range: offset..<(size - count), distance: count).run(stop: nil)
            throw error.prefixed("delete: ")
        }
    }

    /// A cut by another process does not always fault (it may land below the bytes still to
    /// move): after the shift, the size must be the one it left.
    private func requireUnchangedSize(_ expected: Int) throws(EditorError) {
        _ = try refresh()
        if try size() != expected {
            throw EditorError("another process changed the file's size", kind: .truncated)
        }
    }

    /// Reserves blocks for `targets`, so that moving bytes there cannot run out of space half
    /// way. On a full disk it gives back the blocks it took inside `holes` (there the file
    /// had none before) and throws; where the file system cannot reserve, it does nothing.
    private func reserve(_ targets: [Range<Int>], holes: [Range<Int>]) throws(EditorError) {
        var taken: [Range<Int>] = []
        for target in targets where !target.isEmpty {
            do {
                guard try file.allocate(offset: target.lowerBound, count: target.count) else { return }
                taken.append(target)
            } catch {
                for range in taken + [target] {
                    for hole in holes where hole.overlaps(range) {
                        let part = hole.clamped(to: range)
                        try? file.zero(offset: part.lowerBound, count: part.count)
                    }
                }
                throw EditorError(error)
            }
        }
    }

    /// The error of a shift that failed and was undone: the file is as it was, or the bytes
    /// from `kept` on are gone because another process cut the file meanwhile.
    private static func undone(_ error: EditorError, operation: String, size: Int, kept: Int) -> EditorError {
        if kept >= size {
            return error.prefixed("\(operation): ").appending(" (the \(operation) was undone: nothing changed)")
        }
        return EditorError(
            "\(operation): another process cut the file during the \(operation); it was undone, "
                + "but the last \(size - kept) bytes (from \(hex(kept)) on) are gone: the file now ends there",
            kind: .truncated)
    }
}

extension EditorError {
    /// The same error with more words after its message.
    func appending(_ context: String) -> EditorError {
        EditorError(message + context, kind: kind)
    }
}
