import IOMMap
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The recovery journal in a document's life: started for a session that holds the edit lock,
/// written before every change, removed when the changes are synced, taken back, or meant to
/// stay; and a dead session's journal, found at open, resolved by `recover`.
extension Document {
    /// A dead session's journal found at open: edits wait until it is resolved.
    struct PendingRecovery {
        let path: FilePath
        /// Nil when the journal is damaged (it can only be discarded).
        let contents: JournalContents?
        let notice: String
        /// The notice without the path: `2 unsynced edits from an earlier session (pid 7)`.
        let summary: String
    }

    /// What a dead session's journal holds, without the path (the status line's room is short).
    public var recoverySummary: String? { pendingRecovery?.summary }

    /// Looks for a journal of this file. A session holding the lock starts its own (after a
    /// dead session's is resolved); one that only reads warns about a dead session's.
    func setUpJournal(holdingLock: Bool) {
        guard !isPrivate, let id = try? store.fileID(), let location = RecoveryJournal.location(for: id) else { return }
        if FileIdentity.exists(location), let contents = try? JournalContents.read(location),
            !contents.id.mayBeSameFile(as: id)
        {
            // The journal of a deleted file whose inode number this file reuses: it can never
            // apply, to this file or any other.
            RecoveryJournal.remove(at: location)
        }
        if FileIdentity.exists(location) {
            if !holdingLock {
                // Another session's journal is its own business while it lives (it holds the lock).
                guard (try? store.tryLock()) == true else { return }
                try? (store as? SharedFileStore)?.file.unlock()
            }
            if let pending = Self.pending(at: location, shown: displayPath) {
                pendingRecovery = pending
                recoveryNotice = pending.notice
                if holdingLock { return }
            } else {
                RecoveryJournal.remove(at: location)
            }
        } else if let orphan = Self.journalOfReplacedFile(at: path, id: id, directory: location.parentDirectory) {
            recoveryWarning =
                "\(displayPath): the journal of an earlier session (pid \(orphan.pid)) belongs to the file that was "
                + "at this path before it was replaced (\(orphan.id)): it is not applied to this one"
        }
        guard holdingLock, !isReadOnly else { return }
        startJournal(at: location, id: id)
    }

    fileprivate func startJournal(at location: FilePath, id: MappedFile.FileID) {
        let journal = RecoveryJournal(path: location, id: id, filePath: path, sizeAtStart: size)
        journal.flushesEachRecord = journalMode == .fsync
        recoveryJournal = journal
        (store as? SharedFileStore)?.shiftJournal = journal
    }

    /// A journal in `directory` written for a file at `path` that is not the file `id` now
    /// there (it was replaced, by rotation or a copy): never applied to the new file.
    private static func journalOfReplacedFile(
        at path: FilePath, id: MappedFile.FileID, directory: FilePath
    ) -> JournalContents? {
        let name = RecoveryJournal.absoluteName(of: path)
        guard let handle = directory.withPlatformString({ opendir($0) }) else { return nil }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard entryName.hasSuffix(".journal"),
                let contents = try? JournalContents.read(directory.appending(entryName)),
                !contents.id.mayBeSameFile(as: id), contents.filePath == name
            else { continue }
            return contents
        }
        return nil
    }

    /// What the journal at `location` asks of the user; nil when it was never started (nothing
    /// to recover: it can go).
    private static func pending(at location: FilePath, shown: String) -> PendingRecovery? {
        do {
            let contents = try JournalContents.read(location)
            let edits = contents.unsyncedEdits
            let summary = "\(edits) unsynced edit\(edits == 1 ? "" : "s") from an earlier session (pid \(contents.pid))"
            return PendingRecovery(path: location, contents: contents, notice: "\(shown): " + summary, summary: summary)
        } catch .unstarted {
            return nil
        } catch {
            let why =
                switch error {
                case .damaged(let reason), .unreadable(let reason): reason
                case .unstarted: "it was never started"
                }
            let summary = "the journal of an earlier session is damaged (\(why)) and cannot be applied"
            return PendingRecovery(path: location, contents: nil, notice: "\(shown): " + summary, summary: summary)
        }
    }

    /// Resolves a dead session's journal; returns what was done.
    public func recover(_ mode: RecoveryMode, force: Bool = false) throws(EditorError) -> String {
        guard let pending = pendingRecovery else { return "nothing to recover: no journal of an earlier session" }
        if mode == .discard {
            RecoveryJournal.remove(at: pending.path)
        } else {
            guard let contents = pending.contents else {
                throw EditorError("\(pending.notice): discard it (recover discard) and check the file")
            }
            guard !isReadOnly, let shared = store as? SharedFileStore else {
                throw EditorError("\(displayPath) is open read-only: recovery needs write access", kind: .readOnly)
            }
            let recovery = Recovery(contents: contents, journalPath: pending.path, store: shared)
            let message = try recovery.run(mode == .rollback ? .rollback : .keep, force: force)
            finishRecovery(pending)
            return message
        }
        finishRecovery(pending)
        return "discarded the journal of the earlier session: the file keeps whatever it holds"
    }

    private func finishRecovery(_ pending: PendingRecovery) {
        pendingRecovery = nil
        recoveryNotice = nil
        if editLock != nil, let id = try? store.fileID() { startJournal(at: pending.path, id: id) }
    }

    // MARK: - Writing the journal

    /// The record of applying `entry`, written before it touches the file.
    func journalApplying(_ entry: JournalEntry) throws(EditorError) {
        guard let journal = recoveryJournal else { return }
        let record: JournalRecord
        switch entry {
        case .overwrite(let offset, let old, let new):
            record = .overwrite(
                offset: offset, count: old.count, undo: try old.journalUndo(in: journal), result: try new.result())
        case .insert(let offset, let bytes):
            record = .insert(
                offset: offset, count: bytes.count, sizeBefore: try currentSize(), inserted: try bytes.fingerprint())
        case .delete(let offset, let removed):
            record = .delete(
                offset: offset, count: removed.count, sizeBefore: try currentSize(),
                removed: try removed.journalUndo(in: journal))
        case .resize(let from, let to, let cutTail):
            record = .resize(from: from, to: to, cutTail: try cutTail?.journalUndo(in: journal))
        }
        try journal.append(record)
    }

    /// The record of reverting `entry` (undo, or a rollback), written before it touches the file.
    func journalReverting(_ entry: JournalEntry) throws(EditorError) {
        guard let journal = recoveryJournal else { return }
        let record: JournalRecord
        switch entry {
        case .overwrite(let offset, let old, let new):
            let undo: JournalRecord.Undo
            switch new {
            case .bytes(let bytes): undo = try bytes.journalUndo(in: journal)
            case .repeated(let byte, _): undo = .repeated(byte)
            }
            record = .overwrite(
                offset: offset, count: old.count, undo: undo, result: .fingerprint(try old.fingerprint()))
        case .insert(let offset, let bytes):
            record = .delete(
                offset: offset, count: bytes.count, sizeBefore: try currentSize(),
                removed: try bytes.journalUndo(in: journal))
        case .delete(let offset, let removed):
            record = .insert(
                offset: offset, count: removed.count, sizeBefore: try currentSize(), inserted: try removed.fingerprint()
            )
        case .resize(let from, let to, _):
            record = .resize(from: to, to: from, cutTail: nil)
        }
        try journal.append(record)
    }

    /// Closes a complete change in the journal.
    func journalStep() {
        try? recoveryJournal?.append(.step(unsyncedEdits: unsyncedEdits))
    }

    /// Notes that the change just begun failed and was taken back where it ran.
    func journalCancelled() {
        try? recoveryJournal?.append(.cancelled)
    }

    /// Removes the session's journal when nothing in it is left to recover.
    func forgetJournalIfSynced() {
        if unsyncedEdits == 0 { recoveryJournal?.remove() }
    }

    /// `set journal write|fsync|off`. Turning it off removes the session's journal (its edits
    /// can no longer be recovered after a crash); turning it on starts a new one.
    public func setJournalMode(_ mode: JournalMode) throws(EditorError) {
        journalMode = mode
        switch mode {
        case .off:
            recoveryJournal?.remove()
            recoveryJournal = nil
            (store as? SharedFileStore)?.shiftJournal = nil
        case .write, .fsync:
            if recoveryJournal == nil, editLock != nil, pendingRecovery == nil, let id = try? store.fileID(),
                let location = RecoveryJournal.location(for: id)
            {
                if unsyncedEdits > 0 {
                    throw EditorError(
                        "sync the \(unsyncedEdits) unsynced edits first (:w): a journal starts from a synced file")
                }
                startJournal(at: location, id: id)
            }
            recoveryJournal?.flushesEachRecord = mode == .fsync
        }
    }

    /// The session's edits are meant to stay even unsynced (a script run with its sync off):
    /// its journal goes.
    public func endJournal() {
        recoveryJournal?.remove()
    }
}

/// How `recover` resolves a dead session's journal.
public enum RecoveryMode: String, Sendable, CaseIterable {
    /// Take every unsynced edit back.
    case rollback
    /// Keep the edits (an operation cut off half way is undone) and sync them.
    case keep
    /// Remove the journal without applying it (a damaged journal).
    case discard
}

/// How the journal is written (`set journal`).
public enum JournalMode: String, Sendable, CaseIterable {
    /// write(2) per record: survives a killed process.
    case write
    /// write(2) and fsync per record: survives a power cut too.
    case fsync
    /// No journal.
    case off
}

extension JournalEntry.Replacement {
    /// What an overwrite with this replacement leaves, for the journal.
    func result() throws(EditorError) -> JournalRecord.Result {
        switch self {
        case .bytes(let bytes): .fingerprint(try bytes.fingerprint())
        case .repeated(let byte, _): .repeated(byte)
        }
    }
}

extension FileIdentity {
    /// Whether anything is at `path`.
    static func exists(_ path: FilePath) -> Bool {
        FileIdentity(path: path) != nil
    }
}
