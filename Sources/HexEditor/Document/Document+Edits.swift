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
        let old = try SavedBytes.capture(from: file, at: offset, count: count, release: release)
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
        let removed = try SavedBytes.capture(from: file, at: offset, count: count, release: release)
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
            ? try SavedBytes.capture(from: file, at: newSize, count: oldSize - newSize, release: release) : nil
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

    /// Does what `entry` describes. If a step fails part-way, the steps already taken are
    /// undone as far as possible, so the file matches the journal (which does not record it).
    private func apply(_ entry: JournalEntry) throws(EditorError) {
        switch entry {
        case .overwrite(let offset, let old, let new):
            do {
                try write(new, at: offset)
            } catch {
                try? old.restore(into: file, at: offset, release: release)
                throw error
            }
        case .insert(let offset, let bytes):
            try openGap(at: offset, count: bytes.count)
            do {
                try bytes.restore(into: file, at: offset, release: release)
            } catch {
                try? closeGap(at: offset, count: bytes.count)
                throw error
            }
        case .delete(let offset, let removed):
            try closeGap(at: offset, count: removed.count, restoringOnFailure: removed)
        case .resize(let from, let to, _):
            try requireSize(from, toRedo: "resize")
            try mapping { () throws(MapError) in try file.resize(to: to) }
        }
    }

    /// Refuses to replay a resize when another process changed the size since:
    /// cutting or regrowing to the recorded size would destroy bytes it wrote.
    private func requireSize(_ expected: Int, toRedo name: String, undo: Bool = false) throws(EditorError) {
        try mapping { () throws(MapError) in _ = try file.refresh() }  // the size on disk, not the last one seen
        let size = try currentSize()
        guard size == expected else {
            throw EditorError(
                "\(undo ? "undo" : "redo") of \(name) refused: the file is \(size) bytes, not \(expected), "
                    + "since another process changed its size")
        }
    }

    /// Takes back what `entry` did, with the same care for a failure part-way.
    private func revert(_ entry: JournalEntry) throws(EditorError) {
        switch entry {
        case .overwrite(let offset, let old, let new):
            do {
                try old.restore(into: file, at: offset, release: release)
            } catch {
                try? write(new, at: offset)
                throw error
            }
        case .insert(let offset, let bytes):
            try closeGap(at: offset, count: bytes.count, restoringOnFailure: bytes)
        case .delete(let offset, let removed):
            try openGap(at: offset, count: removed.count)
            do {
                try removed.restore(into: file, at: offset, release: release)
            } catch {
                try? closeGap(at: offset, count: removed.count)
                throw error
            }
        case .resize(let from, let to, let cutTail):
            try requireSize(to, toRedo: "resize", undo: true)
            try mapping { () throws(MapError) in try file.resize(to: from) }
            if let cutTail {
                do {
                    try cutTail.restore(into: file, at: to, release: release)
                } catch {
                    try? mapping { () throws(MapError) in try file.resize(to: to) }
                    throw error
                }
            }
        }
    }

    private func write(_ replacement: JournalEntry.Replacement, at offset: Int) throws(EditorError) {
        switch replacement {
        case .bytes(let bytes):
            try bytes.restore(into: file, at: offset, release: release)
        case .repeated(let byte, let count):
            try fillStreaming(byte, at: offset, count: count)
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
    /// If the shrink fails after the move, the tail is moved back and `removed` (the bytes that
    /// were at `offset`) written back, so a failed delete leaves the file as it was.
    private func closeGap(at offset: Int, count: Int, restoringOnFailure removed: SavedBytes? = nil)
        throws(EditorError)
    {
        let size = try currentSize()
        guard offset >= 0, count <= size - offset else {
            throw EditorError(
                "delete: \(count) bytes at \(hex(offset)) run past the end of the file (size \(size))")
        }
        let tail = size - offset - count
        if tail > 0 {
            do {
                try mapping { () throws(MapError) in try file.move(from: offset + count, to: offset, count: tail) }
            } catch {
                // The move may have overwritten the removed bytes before it faulted: put them back.
                try? removed?.restore(into: file, at: offset, release: release)
                throw error
            }
        }
        do {
            try file.resize(to: size - count)
        } catch {
            if let removed {
                try? mapping { () throws(MapError) in
                    if tail > 0 { try file.move(from: offset, to: offset + count, count: tail) }
                }
                try? removed.restore(into: file, at: offset, release: release)
            }
            throw EditorError(error)
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
