/// One entry of the recovery journal, written (and, with `set journal fsync`, made durable)
/// before the change it describes reaches the file.
///
/// The journal is a physical undo log: each record says how to take one change to the file
/// back (the bytes it overwrote, the gap it opened, the bytes it removed, the size it had),
/// and what the change left (so recovery can see if another process changed it since). An
/// insert or delete also records its progress, chunk by chunk, so an operation cut off at
/// any byte can be undone. A `step` closes each complete operation.
enum JournalRecord: Equatable {
    /// What taking an overwrite back writes: the old bytes, or one byte repeated.
    enum Undo: Equatable {
        /// Bytes kept in the record itself.
        case bytes([UInt8])
        /// Bytes kept in a side file of the journal (`.N.undo`), for big ranges.
        case spilled(Int)
        /// `count` copies of one byte (taking back the undo of a fill).
        case repeated(UInt8)
    }

    /// What an overwrite left: a fingerprint of the bytes, or one byte repeated.
    enum Result: Equatable {
        case fingerprint(UInt64)
        case repeated(UInt8)
    }

    /// `count` bytes at `offset` were overwritten; `undo` puts the old ones back.
    case overwrite(offset: Int, count: Int, undo: Undo, result: Result)
    /// A gap of `count` bytes opened at `offset` (the file had `sizeBefore` bytes); the
    /// bytes then written into it have the fingerprint `inserted`.
    case insert(offset: Int, count: Int, sizeBefore: Int, inserted: UInt64)
    /// `count` bytes at `offset` were removed (the file had `sizeBefore` bytes).
    case delete(offset: Int, count: Int, sizeBefore: Int, removed: Undo)
    /// The size went from `from` to `to`; a shrink keeps the cut tail in `cutTail`.
    case resize(from: Int, to: Int, cutTail: Undo?)
    /// The chunk `range` of the current shift is about to move; its bytes are in the slot
    /// file (nil: the chunk is a hole, nothing to save).
    case chunk(range: Range<Int>, saved: Bool)
    /// The current shift's chunk that began at `range` has moved.
    case moved(range: Range<Int>)
    /// The operation before is complete; `unsyncedEdits` is the session's count after it.
    case step(unsyncedEdits: Int)
    /// The operation before failed and was taken back where it ran: nothing to undo.
    case cancelled
}
