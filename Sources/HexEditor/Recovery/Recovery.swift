import IOMMap
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolving a dead session's journal: `rollback` takes every one of its unsynced edits
/// back (the bytes and the size as they were before them), `keep` keeps them and syncs.
/// Either way an operation the crash cut off half way (an insert or delete stopped in the
/// middle of shifting the tail) is undone first, and the journal is removed at the end.
///
/// Rollback restores only what the session changed. Before touching anything it checks that
/// the file still holds what the session left (the size, and the bytes of its last writes);
/// where another process has changed them since, it refuses and says where, unless forced.
struct Recovery {
    enum Mode: String, Sendable {
        case rollback, keep
    }

    let contents: JournalContents
    let journalPath: FilePath
    let store: SharedFileStore

    private var file: MappedFile { store.file }

    /// Carries out `mode`; returns what it did.
    func run(_ mode: Mode, force: Bool) throws(EditorError) -> String {
        let operations = contents.operations.filter { $0.end != .cancelled }
        let edits = contents.unsyncedEdits
        switch mode {
        case .rollback:
            if !force {
                let problems = try conflicts(operations)
                if !problems.isEmpty {
                    throw EditorError(
                        "the file changed since the earlier session (pid \(contents.pid)): "
                            + problems.joined(separator: "; ")
                            + "; rollback --force restores that session's bytes anyway")
                }
            }
            for operation in operations.reversed() {
                try undo(operation)
            }
        case .keep:
            if let last = operations.last, last.end == .cutOff { try undo(last) }
        }
        try store.sync(async: false)
        RecoveryJournal.remove(at: journalPath)
        let count = "\(edits) unsynced edit\(edits == 1 ? "" : "s")"
        var cutOff = ""
        if let last = operations.last, last.end == .cutOff, let name = Self.name(of: last.record) {
            cutOff =
                mode == .rollback ? " (one, \(name), was cut off half way)" : " (\(name) cut off half way was undone)"
        }
        return mode == .rollback
            ? "rolled back \(count) of the earlier session (pid \(contents.pid))\(cutOff): the file is as it was before them"
            : "kept \(count) of the earlier session (pid \(contents.pid)) and synced them\(cutOff)"
    }

    /// `an insert at 0x64`, for messages.
    private static func name(of record: JournalRecord) -> String? {
        switch record {
        case .overwrite(let offset, _, _, _): "a write at \(hex(offset))"
        case .insert(let offset, _, _, _): "an insert at \(hex(offset))"
        case .delete(let offset, _, _, _): "a delete at \(hex(offset))"
        case .resize(_, let to, _): "a resize to \(to)"
        default: nil
        }
    }

    // MARK: - Taking one operation back

    private func undo(_ operation: JournalContents.Operation) throws(EditorError) {
        let complete = operation.end == .complete
        switch operation.record {
        case .overwrite(let offset, let count, let undo, _):
            try restore(undo, at: offset, count: count)
        case .insert(let offset, let count, let sizeBefore, _):
            if complete {
                try store.closeGap(at: offset, count: count, stop: nil)
            } else {
                try undoShift(operation, range: offset..<sizeBefore, distance: count)
                if try store.size() > sizeBefore { try store.resize(to: sizeBefore) }
            }
        case .delete(let offset, let count, let sizeBefore, let removed):
            let size = try store.size()
            if complete || size == sizeBefore - count {
                try store.openGap(at: offset, count: count, stop: nil)
            } else {
                try undoShift(operation, range: (offset + count)..<sizeBefore, distance: -count)
            }
            try restore(removed, at: offset, count: count)
        case .resize(let from, let to, let cutTail):
            guard try store.size() == to else { return }  // cut off before the size changed
            try store.resize(to: from)
            if let cutTail, from > to { try restore(cutTail, at: to, count: from - to) }
        case .chunk, .moved, .step, .cancelled:
            break
        }
    }

    /// Undoes the part of a shift its progress records say was done.
    private func undoShift(_ operation: JournalContents.Operation, range: Range<Int>, distance: Int) throws(EditorError)
    {
        var moved = distance > 0 ? range.upperBound..<range.upperBound : range.lowerBound..<range.lowerBound
        var inFlight: (range: Range<Int>, saved: Bool)?
        for record in operation.progress {
            switch record {
            case .chunk(let chunk, let saved):
                inFlight = (chunk, saved)
            case .moved(let chunk):
                moved = distance > 0 ? chunk.lowerBound..<moved.upperBound : moved.lowerBound..<chunk.upperBound
                inFlight = nil
            default:
                break
            }
        }
        var saved: [UInt8]?
        if let inFlight, inFlight.saved {
            guard let bytes = slotBytes(for: inFlight.range) else {
                throw EditorError(
                    "the journal's chunk slot does not hold the chunk being moved: cannot undo the cut-off shift")
            }
            saved = bytes
        }
        let mover = TailMover(
            file: file, range: range, distance: distance, moved: moved, inFlight: inFlight?.range, saved: saved)
        let kept = mover.undo()
        if kept < range.upperBound {
            throw EditorError(
                "another process cut the file: bytes from \(hex(kept)) on could not be put back", kind: .truncated)
        }
    }

    /// The bytes the slot file holds for `chunk`, if it holds that chunk whole.
    private func slotBytes(for chunk: Range<Int>) -> [UInt8]? {
        guard let data = try? journalPath.appendingSuffix(".slot").readContents(limit: .max) else { return nil }
        var reader = ByteReader(data[...])
        guard let start = reader.int(), let end = reader.int(), start..<end == chunk, let checksum = reader.u32(),
            let bytes = reader.take(chunk.count), CRC32.checksum(bytes) == checksum
        else { return nil }
        return bytes
    }

    /// Writes undo data back: bytes, one byte repeated, or a side file (holes as holes).
    private func restore(_ undo: JournalRecord.Undo, at offset: Int, count: Int) throws(EditorError) {
        switch undo {
        case .bytes(let bytes):
            try SavedBytes(bytes).restore(into: store, at: offset)
        case .repeated(let byte):
            try store.fill(byte, at: offset, count: count)
        case .spilled(let index):
            let path = journalPath.appendingSuffix(".\(index).undo")
            let fd = path.withPlatformString { open($0, O_RDONLY | O_CLOEXEC) }
            guard fd >= 0 else {
                throw EditorError(
                    "the journal's undo file \(TerminalText.path(path)) is missing: cannot restore \(count) bytes at \(hex(offset))"
                )
            }
            try SavedBytes(spilledTo: SpillFile(fd: fd), count: count).restore(into: store, at: offset)
        }
    }

    // MARK: - Is the file still as the session left it?

    /// Where the file differs from what the session left: its size, and the bytes of each
    /// write no later change of the session covers.
    private func conflicts(_ operations: [JournalContents.Operation]) throws(EditorError) -> [String] {
        var problems: [String] = []
        // The size the session left: after its last complete change, or after the one cut off.
        var size = contents.sizeAtStart
        for operation in operations where operation.end == .complete {
            size = Self.size(after: operation.record) ?? size
        }
        var possible: Set<Int> = [size]
        if let last = operations.last, last.end == .cutOff, let after = Self.size(after: last.record) {
            possible.insert(after)
        }
        let now = try store.size()
        if !possible.contains(now) {
            problems.append("its size is \(now), not the \(size) the session left")
            return problems
        }
        for (index, operation) in operations.enumerated() where operation.end == .complete {
            let later = operations[(index + 1)...]
            switch operation.record {
            case .overwrite(let offset, let count, _, let result):
                guard !later.contains(where: { Self.touches($0.record, offset..<(offset + count)) }) else { continue }
                if try !holds(result, at: offset, count: count) {
                    problems.append("bytes \(hex(offset))-\(hex(offset + count - 1)) differ from what it wrote")
                }
            case .insert(let offset, let count, _, let inserted):
                guard !later.contains(where: { Self.touches($0.record, offset..<(offset + count)) }) else { continue }
                if try !holds(.fingerprint(inserted), at: offset, count: count) {
                    problems.append("bytes \(hex(offset))-\(hex(offset + count - 1)) differ from what it inserted")
                }
            default:
                break
            }
        }
        return problems
    }

    /// The size after a change, when it changes the size.
    private static func size(after record: JournalRecord) -> Int? {
        switch record {
        case .insert(_, let count, let before, _): before + count
        case .delete(_, let count, let before, _): before - count
        case .resize(_, let to, _): to
        default: nil
        }
    }

    /// Whether a change recorded as `record` may have changed bytes of `range`.
    private static func touches(_ record: JournalRecord, _ range: Range<Int>) -> Bool {
        switch record {
        case .overwrite(let offset, let count, _, _): (offset..<(offset + count)).overlaps(range)
        case .insert(let offset, _, _, _), .delete(let offset, _, _, _): range.upperBound > offset
        case .resize(let from, let to, _): range.upperBound > min(from, to)
        default: false
        }
    }

    /// Whether the file holds `result` at `offset` (streamed: a fill may be gigabytes).
    private func holds(_ result: JournalRecord.Result, at offset: Int, count: Int) throws(EditorError) -> Bool {
        guard offset + count <= (try store.size()) else { return false }
        var fingerprint = Fingerprint()
        var done = 0
        var buffer = [UInt8](repeating: 0, count: min(count, 1 << 20))
        while done < count {
            let length = min(buffer.count, count - done)
            try buffer.withMutableBytes { (raw) throws(EditorError) in
                try store.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<length]), at: offset + done)
            }
            switch result {
            case .repeated(let byte):
                if buffer[0..<length].contains(where: { $0 != byte }) { return false }
            case .fingerprint:
                fingerprint.add(buffer[0..<length])
            }
            done += length
        }
        if case .fingerprint(let expected) = result { return fingerprint.value == expected }
        return true
    }
}
