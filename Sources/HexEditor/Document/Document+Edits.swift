import IOMMap

/// The journaled edits. Each checks its arguments before touching the file, so a refused edit
/// changes nothing; then it saves what undo needs, applies the edit, and records it.
extension Document {
    /// Overwrites bytes in place. Never grows the file.
    public func overwrite(at offset: Int, with bytes: [UInt8]) throws(EditorError) {
        try checkWritable()
        try checkRange(offset: offset, count: bytes.count, what: "patch")
        guard !bytes.isEmpty else { return }
        let old = try SavedBytes.capture(from: file, at: offset, count: bytes.count)
        let entry = JournalEntry.overwrite(offset: offset, old: old, new: .bytes(SavedBytes(bytes)))
        try apply(entry)
        journal.record(entry)
    }

    /// Overwrites `count` bytes at `offset` with `byte`.
    public func fill(at offset: Int, count: Int, with byte: UInt8) throws(EditorError) {
        try checkWritable()
        try checkRange(offset: offset, count: count, what: "fill")
        guard count > 0 else { return }
        let old = try SavedBytes.capture(from: file, at: offset, count: count)
        let entry = JournalEntry.overwrite(offset: offset, old: old, new: .repeated(byte, count: count))
        try apply(entry)
        journal.record(entry)
    }

    /// Inserts bytes at `offset` (up to the size: inserting at the size appends).
    public func insert(at offset: Int, bytes: [UInt8]) throws(EditorError) {
        try checkWritable()
        try checkRange(offset: offset, count: 0, what: "insert")
        guard !bytes.isEmpty else { return }
        let entry = JournalEntry.insert(offset: offset, bytes: SavedBytes(bytes))
        try apply(entry)
        journal.record(entry)
    }

    /// Removes `count` bytes at `offset`, shifting the tail down.
    public func delete(at offset: Int, count: Int) throws(EditorError) {
        try checkWritable()
        try checkRange(offset: offset, count: count, what: "delete")
        guard count > 0 else { return }
        let removed = try SavedBytes.capture(from: file, at: offset, count: count)
        let entry = JournalEntry.delete(offset: offset, removed: removed)
        try apply(entry)
        journal.record(entry)
    }

    /// Truncates or extends the file (ftruncate + remap). Growth adds zero bytes.
    public func resize(to newSize: Int) throws(EditorError) {
        try checkWritable()
        if newSize < 0 { throw EditorError("resize: size must not be negative") }
        let oldSize = try currentSize()
        guard newSize != oldSize else { return }
        let cutTail =
            newSize < oldSize
            ? try SavedBytes.capture(from: file, at: newSize, count: oldSize - newSize) : nil
        let entry = JournalEntry.resize(from: oldSize, to: newSize, cutTail: cutTail)
        try apply(entry)
        journal.record(entry)
    }

    /// Takes back the last edit; returns where it started, or nil when there is nothing to undo.
    public func undo() throws(EditorError) -> Int? {
        guard let entry = journal.nextUndo else { return nil }
        try checkWritable()
        try revert(entry)
        journal.didUndo()
        return entry.offset
    }

    /// Does the last undone edit again; returns where it starts, or nil when there is none.
    public func redo() throws(EditorError) -> Int? {
        guard let entry = journal.nextRedo else { return nil }
        try checkWritable()
        try apply(entry)
        journal.didRedo()
        return entry.offset
    }

    /// Undoes or redoes until the file is in the state `checkpoint` names.
    func rollBack(to checkpoint: UndoJournal.Checkpoint) throws(EditorError) {
        while journal.position > checkpoint.branchPoint {
            _ = try undo()
        }
        while journal.position < checkpoint.branchPoint {
            _ = try redo()
        }
        while let entry = checkpoint.restore.first {
            try apply(entry)
            journal.recordReplayedStep(toward: checkpoint)
        }
    }

    // MARK: - Applying entries to the file

    /// Does what `entry` describes.
    private func apply(_ entry: JournalEntry) throws(EditorError) {
        switch entry {
        case .overwrite(let offset, _, .bytes(let bytes)):
            try bytes.restore(into: file, at: offset)
        case .overwrite(let offset, _, .repeated(let byte, let count)):
            try mapping { () throws(MapError) in try file.fill(byte, at: offset, count: count) }
        case .insert(let offset, let bytes):
            try openGap(at: offset, count: bytes.count)
            try bytes.restore(into: file, at: offset)
        case .delete(let offset, let removed):
            try closeGap(at: offset, count: removed.count)
        case .resize(_, let to, _):
            try mapping { () throws(MapError) in try file.resize(to: to) }
        }
    }

    /// Takes back what `entry` did.
    private func revert(_ entry: JournalEntry) throws(EditorError) {
        switch entry {
        case .overwrite(let offset, let old, _):
            try old.restore(into: file, at: offset)
        case .insert(let offset, let bytes):
            try closeGap(at: offset, count: bytes.count)
        case .delete(let offset, let removed):
            try openGap(at: offset, count: removed.count)
            try removed.restore(into: file, at: offset)
        case .resize(let from, let to, let cutTail):
            try mapping { () throws(MapError) in try file.resize(to: from) }
            if let cutTail {
                try cutTail.restore(into: file, at: to)
            }
        }
    }

    /// Grows the file by `count` and shifts the bytes from `offset` up, leaving a gap there.
    /// The tail moves inside the mapping (guarded memmove); nothing is read into memory.
    private func openGap(at offset: Int, count: Int) throws(EditorError) {
        let size = try currentSize()
        guard offset <= size else {
            throw EditorError("insert: offset \(hex(offset)) is past the end of the file (size \(size))")
        }
        try mapping { () throws(MapError) in try file.resize(to: size + count) }
        do {
            if size > offset {
                try file.move(from: offset, to: offset + count, count: size - offset)
            }
        } catch {
            // Give back the room we took, so a failed insert leaves the size as it was.
            try? file.resize(to: size)
            throw EditorError(error)
        }
    }

    /// Shifts the bytes after `offset + count` down onto `offset` and shrinks the file by `count`.
    private func closeGap(at offset: Int, count: Int) throws(EditorError) {
        let size = try currentSize()
        guard offset >= 0, count <= size - offset else {
            throw EditorError(
                "delete: \(count) bytes at \(hex(offset)) run past the end of the file (size \(size))")
        }
        try mapping { () throws(MapError) in
            if size - offset - count > 0 {
                try file.move(from: offset + count, to: offset, count: size - offset - count)
            }
            try file.resize(to: size - count)
        }
    }

    private func mapping(_ body: () throws(MapError) -> Void) throws(EditorError) {
        do {
            try body()
        } catch {
            throw EditorError(error)
        }
    }
}
