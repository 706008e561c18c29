import IOMMap

/// The journaled edits. Each checks its arguments before touching the file, so a refused edit
/// changes nothing; then it saves what undo needs, applies the edit, and records it.
extension Document {
    /// Overwrites bytes in place. Never grows the file.
    public func overwrite(at offset: Int, with bytes: [UInt8]) throws(EditorError) {
        try checkWritable()
        try checkRange(offset: offset, count: bytes.count, what: "patch")
        guard !bytes.isEmpty else { return }
        let old = try SavedBytes.capture(from: store, at: offset, count: bytes.count)
        let entry = JournalEntry.overwrite(offset: offset, old: old, new: .bytes(SavedBytes(bytes)))
        try apply(entry, stop: stopRequest)
        journal.record(entry)
        journalStep()
    }

    /// Overwrites `count` bytes at `offset` with `byte`.
    public func fill(at offset: Int, count: Int, with byte: UInt8) throws(EditorError) {
        try checkWritable()
        try checkRange(offset: offset, count: count, what: "fill")
        guard count > 0 else { return }
        let old = try SavedBytes.capture(
            from: store, at: offset, count: count, stop: stopRequest, journal: recoveryJournal, release: release)
        let entry = JournalEntry.overwrite(offset: offset, old: old, new: .repeated(byte, count: count))
        try apply(entry, stop: stopRequest)
        journal.record(entry)
        journalStep()
    }

    /// Inserts bytes at `offset` (up to the size: inserting at the size appends).
    public func insert(at offset: Int, bytes: [UInt8]) throws(EditorError) {
        try checkWritable()
        try checkRange(offset: offset, count: 0, what: "insert")
        guard !bytes.isEmpty else { return }
        let entry = JournalEntry.insert(offset: offset, bytes: SavedBytes(bytes))
        try apply(entry, stop: stopRequest)
        journal.record(entry)
        journalStep()
    }

    /// Removes `count` bytes at `offset`, shifting the tail down.
    public func delete(at offset: Int, count: Int) throws(EditorError) {
        try checkWritable()
        try checkRange(offset: offset, count: count, what: "delete")
        guard count > 0 else { return }
        let removed = try SavedBytes.capture(
            from: store, at: offset, count: count, stop: stopRequest, journal: recoveryJournal, release: release)
        let entry = JournalEntry.delete(offset: offset, removed: removed)
        try apply(entry, stop: stopRequest)
        journal.record(entry)
        journalStep()
    }

    /// Truncates or extends the file (ftruncate + remap). Growth adds zero bytes.
    public func resize(to newSize: Int) throws(EditorError) {
        try checkWritable()
        if newSize < 0 { throw EditorError("resize: size must not be negative") }
        let oldSize = try currentSize()
        guard newSize != oldSize else { return }
        let cutTail =
            newSize < oldSize
            ? try SavedBytes.capture(
                from: store, at: newSize, count: oldSize - newSize, stop: stopRequest, journal: recoveryJournal,
                release: release)
            : nil
        let entry = JournalEntry.resize(from: oldSize, to: newSize, cutTail: cutTail)
        try apply(entry, stop: stopRequest)
        journal.record(entry)
        journalStep()
    }

    /// Takes back the last edit; returns where it started, or nil when there is nothing to undo.
    public func undo() throws(EditorError) -> Int? {
        guard let entry = journal.nextUndo else { return nil }
        try checkWritable()
        try revert(entry)
        journal.didUndo()
        journalStep()
        return entry.offset
    }

    /// Does the last undone edit again; returns where it starts, or nil when there is none.
    public func redo() throws(EditorError) -> Int? {
        guard let entry = journal.nextRedo else { return nil }
        try checkWritable()
        try apply(entry, stop: stopRequest)
        journal.didRedo()
        journalStep()
        return entry.offset
    }

    /// Undoes or redoes until the file is in the state `checkpoint` names. It is the way back
    /// after a failure or a signal, so it never stops half way on a stop request.
    func rollBack(to checkpoint: UndoJournal.Checkpoint) throws(EditorError) {
        while journal.position > checkpoint.branchPoint, let entry = journal.nextUndo {
            try checkWritable()
            try revert(entry)
            journal.didUndo()
            journalStep()
        }
        while journal.position < checkpoint.branchPoint, let entry = journal.nextRedo {
            try apply(entry, stop: nil)
            journal.didRedo()
            journalStep()
        }
        while let entry = checkpoint.restore.first {
            try apply(entry, stop: nil)
            journal.recordReplayedStep(toward: checkpoint)
            journalStep()
        }
    }

    // MARK: - Applying entries to the file

    /// Does what `entry` describes, with its recovery record written first. If a step fails
    /// part-way, the steps already taken are undone, so the file matches the undo journal
    /// (which does not record it), and the recovery journal says the change was cancelled.
    private func apply(_ entry: JournalEntry, stop: StopRequest?) throws(EditorError) {
        try journalApplying(entry)
        do {
            try perform(entry, stop: stop)
        } catch {
            journalCancelled()
            throw error
        }
    }

    /// Takes back what `entry` did, with its recovery record written first.
    private func revert(_ entry: JournalEntry) throws(EditorError) {
        try journalReverting(entry)
        do {
            try performRevert(entry)
        } catch {
            journalCancelled()
            throw error
        }
    }

    private func perform(_ entry: JournalEntry, stop: StopRequest?) throws(EditorError) {
        switch entry {
        case .overwrite(let offset, let old, let new):
            do {
                try write(new, at: offset, stop: stop)
            } catch {
                try? old.restore(into: store, at: offset, release: release)
                throw error
            }
        case .insert(let offset, let bytes):
            try store.openGap(at: offset, count: bytes.count, stop: stop)
            do {
                try bytes.restore(into: store, at: offset, release: release)
            } catch {
                try? store.closeGap(at: offset, count: bytes.count, stop: nil)
                throw error
            }
        case .delete(let offset, let removed):
            do {
                try store.closeGap(at: offset, count: removed.count, stop: stop)
            } catch {
                // The bytes after the range are back; the range itself must be too.
                try? removed.restore(into: store, at: offset, release: release)
                throw error
            }
        case .resize(let from, let to, _):
            try requireSize(from, toRedo: "resize")
            try store.resize(to: to)
        }
    }

    /// Refuses to replay a resize when another process changed the size since:
    /// cutting or regrowing to the recorded size would destroy bytes it wrote.
    private func requireSize(_ expected: Int, toRedo name: String, undo: Bool = false) throws(EditorError) {
        _ = try store.refresh()  // the size on disk, not the last one seen
        let size = try currentSize()
        guard size == expected else {
            throw EditorError(
                "\(undo ? "undo" : "redo") of \(name) refused: the file is \(size) bytes, not \(expected), "
                    + "since another process changed its size")
        }
    }

    /// Takes back what `entry` did, with the same care for a failure part-way. Never looks at
    /// the stop request: taking an edit back always runs to the end.
    private func performRevert(_ entry: JournalEntry) throws(EditorError) {
        switch entry {
        case .overwrite(let offset, let old, let new):
            do {
                try old.restore(into: store, at: offset, release: release)
            } catch {
                try? write(new, at: offset, stop: nil)
                throw error
            }
        case .insert(let offset, let bytes):
            do {
                try store.closeGap(at: offset, count: bytes.count, stop: nil)
            } catch {
                try? bytes.restore(into: store, at: offset, release: release)
                throw error
            }
        case .delete(let offset, let removed):
            try store.openGap(at: offset, count: removed.count, stop: nil)
            do {
                try removed.restore(into: store, at: offset, release: release)
            } catch {
                try? store.closeGap(at: offset, count: removed.count, stop: nil)
                throw error
            }
        case .resize(let from, let to, let cutTail):
            try requireSize(to, toRedo: "resize", undo: true)
            try store.resize(to: from)
            if let cutTail {
                do {
                    try cutTail.restore(into: store, at: to, release: release)
                } catch {
                    try? store.resize(to: to)
                    throw error
                }
            }
        }
    }

    private func write(_ replacement: JournalEntry.Replacement, at offset: Int, stop: StopRequest?) throws(EditorError)
    {
        switch replacement {
        case .bytes(let bytes):
            try bytes.restore(into: store, at: offset, release: release)
        case .repeated(let byte, let count):
            try fillStreaming(byte, at: offset, count: count, stop: stop)
        }
    }
}
