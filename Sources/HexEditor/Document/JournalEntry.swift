/// One edit as the undo journal remembers it: enough to take it back and to do it again.
enum JournalEntry {
    /// What an overwrite wrote: the bytes of a patch, or one byte repeated by a fill.
    enum Replacement {
        case bytes(SavedBytes)
        case repeated(UInt8, count: Int)
    }

    /// Bytes at `offset` replaced in place; `old` holds what was there.
    case overwrite(offset: Int, old: SavedBytes, new: Replacement)
    /// Bytes put in at `offset`, the tail shifted up.
    case insert(offset: Int, bytes: SavedBytes)
    /// Bytes taken out at `offset`, the tail shifted down; `removed` holds them.
    case delete(offset: Int, removed: SavedBytes)
    /// The size changed from `from` to `to`; a shrink keeps the cut tail to put it back.
    case resize(from: Int, to: Int, cutTail: SavedBytes?)

    /// Where the edit starts: the cursor goes there after an undo or a redo.
    var offset: Int {
        switch self {
        case .overwrite(let offset, _, _), .insert(let offset, _), .delete(let offset, _):
            offset
        case .resize(let from, let to, _):
            min(from, to)
        }
    }
}
