import IOMMap

/// `:reopen` after log rotation: the path names a new file, the mapping still
/// shows the old one (renamed away or deleted). Reopening maps the new file
/// with the same mode and sharing, and starts a fresh journal, since the old
/// journal's edits belong to the old file.
extension Document {
    /// Maps the file now at the path when it is not the one mapped; returns
    /// what happened, or nil when the path still names the mapped file.
    func reopenIfReplaced() throws(EditorError) -> String? {
        _ = try currentSize()  // a closed document stays closed
        guard let current = FileIdentity(path: path) else {
            throw EditorError(
                "\(displayPath) was deleted: still showing the old file (reopen once a new file is there)")
        }
        guard current != identity else { return nil }
        if unsyncedEdits > 0 {
            throw EditorError(
                "\(unsyncedEdits) unsynced edits belong to the old file: :w syncs them into it (or undo them), then reopen"
            )
        }
        // A running script's rollback must still reach the old file's bytes.
        guard journal.isAtEveryCheckpoint else {
            throw EditorError("this script edited the old file: reopen only before its edits, or in another run")
        }
        let reopened: any ByteStore
        do {
            let file = try MappedFile(
                path: path, mode: isReadOnly ? .read : .readWrite,
                options: OpenOptions(sharing: isPrivate ? .private : .shared))
            reopened = isPrivate ? try PrivateStore(file: file) : SharedFileStore(file: file)
        } catch let error as MapError {
            throw EditorError("cannot reopen \(displayPath): \(EditorError(error).message)")
        } catch {
            throw error as! EditorError
        }
        var lock: EditLock?
        if editLock != nil {
            do {
                lock = try EditLock.acquire(store: reopened, displayPath: displayPath, waitSeconds: 0)
            } catch {
                reopened.close()
                throw EditorError("cannot reopen: \(error.message)", kind: error.kind)
            }
        }
        editLock?.release()
        store.close()
        store = reopened
        editLock = lock
        identity = current
        journal.reset()
        return "reopened \(displayPath): a new file of \(size) bytes"
    }
}
