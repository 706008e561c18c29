/// A search in the editor (`/`, `?`, `n`, `N`), run a window at a time between keys so the
/// screen stays responsive on a file of any size, and can be stopped.
///
/// It scans the file from the cursor to one end, then wraps around to the cursor: forward,
/// matches starting after the cursor, then from the start; backward, matches starting
/// before the cursor, then from the end.
final class SearchRun {
    let pattern: BytePattern
    let backward: Bool
    /// The stretches to scan, in order; the second is the wrap-around.
    private var segments: [Range<Int>]
    private var segment = 0
    /// Forward: the first start not looked at yet; backward: the end of what is left.
    private var position: Int
    /// Bytes scanned so far, and in all, for the progress line.
    private(set) var scanned = 0
    let total: Int

    /// Bytes scanned per step between two looks at the keyboard.
    static let step = 32 << 20

    /// What a step found.
    enum Outcome {
        case searching
        case found(Int, wrapped: Bool)
        case notFound
    }

    init(pattern: BytePattern, backward: Bool, cursor: Int, size: Int) {
        self.pattern = pattern
        self.backward = backward
        let n = pattern.count
        if backward {
            let before = 0..<min(size, max(0, cursor - 1 + n))
            segments = [cursor > 0 ? before : 0..<0, cursor..<size]
        } else {
            let after = min(size, cursor + 1)..<size
            segments = [after, 0..<min(size, cursor + n)]
        }
        segments = segments.map { $0.count >= n ? $0 : $0.lowerBound..<$0.lowerBound }
        total = segments.reduce(0) { $0 + $1.count }
        position = backward ? segments[0].upperBound : segments[0].lowerBound
    }

    /// Scans up to `step` more bytes.
    func advance(in document: Document) throws(EditorError) -> Outcome {
        let n = pattern.count
        while segment < segments.count {
            let range = segments[segment]
            let wrapped = segment > 0
            if backward {
                if position - range.lowerBound >= n {
                    let start = max(range.lowerBound, position - Self.step - (n - 1))
                    let match = try document.lastMatch(of: pattern, in: start..<position)
                    scanned += position - start
                    position = start == range.lowerBound ? range.lowerBound : start + n - 1
                    if let match { return .found(match, wrapped: wrapped) }
                    if start != range.lowerBound { return .searching }
                }
            } else if range.upperBound - position >= n {
                let end = min(range.upperBound, position + Self.step + n - 1)
                let match = try document.firstMatch(of: pattern, in: position..<end)
                scanned += end - position
                position = end == range.upperBound ? range.upperBound : end - (n - 1)
                if let match { return .found(match, wrapped: wrapped) }
                if end != range.upperBound { return .searching }
            }
            segment += 1
            if segment < segments.count {
                position = backward ? segments[segment].upperBound : segments[segment].lowerBound
            }
        }
        return .notFound
    }

    /// How much of the file is scanned, in percent.
    var percent: Int { total == 0 ? 100 : min(100, scanned * 100 / total) }

    /// "searching 42% (Esc cancels)" for the message line.
    var progressText: String {
        "searching \(backward ? "backward " : "")\(percent)% (Esc cancels)"
    }
}
