/// A selection: the bytes from its anchor (where `v` was pressed or a drag started) to the
/// cursor, both included, in either direction. Only the anchor is stored; the cursor is the
/// editor's, so every motion (keys, search, `G`, a click, a mark) extends it.
struct Selection: Equatable {
    var anchor: Int

    /// The selected bytes for this cursor in a file of `size` bytes: clamped to the file,
    /// so a file that shrank under the selection shortens it; nil in an empty file.
    func range(cursor: Int, size: Int) -> ClosedRange<Int>? {
        guard size > 0 else { return nil }
        let anchor = min(max(anchor, 0), size - 1)
        let cursor = min(max(cursor, 0), size - 1)
        return min(anchor, cursor)...max(anchor, cursor)
    }

    /// The selection with its anchor on a byte of a file of `size` bytes; nil when the file
    /// is empty (nothing left to select).
    func clamped(to size: Int) -> Selection? {
        size == 0 ? nil : Selection(anchor: min(max(anchor, 0), size - 1))
    }

    /// `sel 0x10-0x1f (16 bytes)`, for the status line.
    static func statusText(_ range: ClosedRange<Int>) -> String {
        let count = range.count
        return "sel \(hex(range.lowerBound))-\(hex(range.upperBound))"
            + " (\(count) byte\(count == 1 ? "" : "s"))"
    }
}
