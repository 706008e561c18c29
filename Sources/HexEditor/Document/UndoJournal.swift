/// The list of edits, with a position that undo and redo move along.
///
/// A `Checkpoint` names a state of the file that can be returned to: the last sync (for
/// "unsynced edits" and `:q!`) and the start of a script (for its rollback). A checkpoint is
/// "go back to entry `branchPoint`, then replay `restore`". A new edit made after undoing past a
/// checkpoint would normally throw away the redo entries that lead to it; instead they move into
/// the checkpoint's `restore` list, so the checkpointed state always stays reachable.
struct UndoJournal {
    final class Checkpoint {
        fileprivate(set) var branchPoint: Int
        fileprivate(set) var restore: [JournalEntry]

        init(branchPoint: Int) {
            self.branchPoint = branchPoint
            self.restore = []
        }
    }

    private(set) var entries: [JournalEntry] = []
    /// How many entries are applied; entries past it can be redone.
    private(set) var position = 0
    private var checkpoints: [Checkpoint] = []

    var canUndo: Bool { position > 0 }
    var canRedo: Bool { position < entries.count }

    var nextUndo: JournalEntry? { canUndo ? entries[position - 1] : nil }
    var nextRedo: JournalEntry? { canRedo ? entries[position] : nil }

    /// A checkpoint at the current state, kept up to date by every later `record`.
    mutating func checkpoint() -> Checkpoint {
        let checkpoint = Checkpoint(branchPoint: position)
        checkpoints.append(checkpoint)
        return checkpoint
    }

    /// Stops keeping `checkpoint` up to date (its restore entries are released).
    mutating func forget(_ checkpoint: Checkpoint) {
        checkpoints.removeAll { $0 === checkpoint }
    }

    /// Moves `checkpoint` to the current state.
    func move(_ checkpoint: Checkpoint) {
        checkpoint.branchPoint = position
        checkpoint.restore = []
    }

    /// How many entries separate the current state from `checkpoint`.
    func distance(to checkpoint: Checkpoint) -> Int {
        abs(position - checkpoint.branchPoint) + checkpoint.restore.count
    }

    /// Appends an edit that has just been applied; the redo entries past the position go,
    /// except those a checkpoint still needs.
    mutating func record(_ entry: JournalEntry) {
        for checkpoint in checkpoints where position < checkpoint.branchPoint {
            checkpoint.restore =
                Array(entries[position..<checkpoint.branchPoint]) + checkpoint.restore
            checkpoint.branchPoint = position
        }
        entries.removeSubrange(position...)
        entries.append(entry)
        position += 1
    }

    /// Whether every checkpoint names the current state (nothing to roll back to any of them).
    var isAtEveryCheckpoint: Bool {
        checkpoints.allSatisfy { distance(to: $0) == 0 }
    }

    /// Empties the journal for a different file (`reopen` after rotation): every
    /// checkpoint now names the new file as it is.
    mutating func reset() {
        entries = []
        position = 0
        for checkpoint in checkpoints { move(checkpoint) }
    }

    /// Notes that `nextUndo` has been taken back.
    mutating func didUndo() {
        precondition(canUndo)
        position -= 1
    }

    /// Notes that `nextRedo` has been done again.
    mutating func didRedo() {
        precondition(canRedo)
        position += 1
    }
}

extension UndoJournal {
    /// Records the first of `checkpoint`'s restore entries, which the caller has just applied,
    /// as a normal entry, and moves the checkpoint along with it.
    mutating func recordReplayedStep(toward checkpoint: Checkpoint) {
        let entry = checkpoint.restore.removeFirst()
        record(entry)
        checkpoint.branchPoint = position
    }
}
