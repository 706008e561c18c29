import IOMMap

/// The live view inside the editor: noticing what other processes do to the
/// file (writes, growth, truncation, deletion, replacement) and showing it.
extension EditorState {
    /// Called by the event loop when a watcher event woke it or its sleep ran
    /// out. Looks at the file once: its size (remapping when another process
    /// grew or shrank it), what the path names now, and, with the live view on,
    /// the visible bytes. Returns true when the screen needs a new frame.
    @discardableResult
    public func tick() -> Bool {
        let now = live.now()
        live.takeWatcherEvents()
        if live.shownIdentity == nil {
            live.shownIdentity = document.identity
        } else if document.identity != live.shownIdentity {
            // `:reopen` mapped a new file: nothing on screen compares with the old one.
            live.shownIdentity = document.identity
            live.tracker.reset()
            live.watcher?.rewatch()
        }
        var needsFrame = false
        // A shared mapping shows other processes' writes by itself; only the size
        // and the path need system calls, so they wait for an event when there are events.
        if live.mustLookAtFile(now: now) {
            live.eventPending = false
            live.lastLook = now
            needsFrame = followSizeChange()
            if noticeFileFate() { needsFrame = true }
        }
        guard highlightsChanges, mode != .pager, let layout else { return needsFrame }
        clampCursor()
        scrollToCursor(layout)
        let bytes = readVisibleBytes(layout)
        if bytes != live.tracker.lastFrame {
            live.pendingFrame = bytes
            needsFrame = true
        }
        if panelsNeedFrame(visible: bytes) { needsFrame = true }
        if live.tracker.hasFaded(since: live.drawnAt, at: now) { needsFrame = true }
        return needsFrame
    }

    /// Remaps after another process changed the size; moves to the end in follow mode.
    private func followSizeChange() -> Bool {
        let change: SizeChange
        do {
            change = try document.refresh()
        } catch {
            return show(error)
        }
        switch change {
        case .unchanged:
            return false
        case .grew(let from, let to):
            // While following, a quieter line; it also replaces a stale "shrank" notice.
            message = .init(
                following
                    ? "following the end: \(to) bytes"
                    : "the file grew from \(from) to \(to) bytes (changed outside hexmap)")
        case .shrank(let from, let to):
            message = .init("the file shrank from \(from) to \(to) bytes (changed outside hexmap)", isError: true)
        }
        if following { moveToEnd() }
        adviseRandomAccess()
        clampCursor()
        return true
    }

    /// Reports once when the path stops naming the mapped file.
    private func noticeFileFate() -> Bool {
        let fate = FileFate.of(path: document.path, opened: document.identity)
        guard fate != live.fate else { return false }
        let before = live.fate
        live.fate = fate
        let name = Formatting.fileName(of: document.path)
        switch fate {
        case .present:
            // After a reopen the command's own message says what happened.
            if before == .deleted {
                message = .init("\(name) is back at its path")
            }
        case .deleted:
            message = .init(
                "\(name) was deleted: hexmap still shows the old file (:reopen once a new one is there)",
                isError: true)
        case .replaced:
            message = .init(
                "\(name) was replaced by a new file (log rotation?): :reopen opens it", isError: true)
        }
        return true
    }

    /// The bytes the next frame shows: those `tick` just read when they are
    /// still the right ones, else one fresh read.
    func liveFrameBytes(_ layout: Layout) -> FrameBytes {
        let expected = min(layout.bytesPerPage, max(0, document.size - top))
        if let pending = live.pendingFrame, pending.offset == top, pending.bytes.count == expected {
            live.pendingFrame = nil
            return pending
        }
        live.pendingFrame = nil
        return readVisibleBytes(layout)
    }

    /// Records a drawn frame; returns the offsets to highlight on it.
    func recordLiveFrame(_ frame: FrameBytes) -> Set<Int> {
        guard highlightsChanges else { return [] }
        let now = live.now()
        live.tracker.observe(frame, fileSize: document.size, at: now, marking: !live.keyPending)
        live.keyPending = false
        live.drawnAt = now
        return live.tracker.highlighted(at: now)
    }

    /// Called before a key is handled: marks what other processes changed up
    /// to now, so that after the key only the user's own edits are new.
    func liveViewWillHandleKey() {
        // Bytes a tick read for the next frame are stale once a key may edit them.
        live.pendingFrame = nil
        panelsWillHandleKey()
        guard highlightsChanges, !live.keyPending, mode != .pager else { return }
        live.keyPending = true
        guard let shown = live.tracker.lastFrame else { return }
        let count = min(shown.bytes.count, max(0, document.size - shown.offset))
        let bytes = (try? document.read(at: shown.offset, count: count)) ?? []
        live.tracker.observe(
            FrameBytes(offset: shown.offset, bytes: bytes), fileSize: document.size, at: live.now())
    }

    /// The live view's part of the status line: changed bytes, a lost file.
    var liveStatusText: String? {
        var parts: [String] = []
        if highlightsChanges {
            let changed = live.tracker.highlightedCount(at: live.drawnAt)
            if changed > 0 { parts.append("\(changed) changed") }
        }
        switch live.fate {
        case .present: break
        case .deleted: parts.append("DELETED")
        case .replaced: parts.append("REPLACED")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "  ")
    }
}
