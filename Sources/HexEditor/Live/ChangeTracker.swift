/// Which visible bytes changed since the previous frame, kept marked for a
/// moment so a person sees them: the live view's highlight.
///
/// It remembers the bytes of the last frame it saw and, per offset, when each
/// one last changed. A byte counts as changed when it differs from the last
/// frame at the same file offset, or when it is new (past the file's previous
/// end). Only offsets on screen are tracked, so memory stays one page of bytes.
///
/// A class: the live view asks it something on every tick, and a struct held in a class's
/// property would be copied out, its frame and its dictionary, for each question.
public final class ChangeTracker {
    /// How long a changed byte stays highlighted.
    public static let defaultHighlightNanoseconds: Int64 = 1_000_000_000

    public let highlightNanoseconds: Int64
    /// The bytes of the last frame observed, and the file size then.
    private var previous: FrameBytes?
    private var previousFileSize: Int?
    /// When each marked offset last changed.
    private var changedAt: [Int: Int64] = [:]

    public init(highlightNanoseconds: Int64 = ChangeTracker.defaultHighlightNanoseconds) {
        self.highlightNanoseconds = highlightNanoseconds
    }

    /// Takes in the bytes a new frame shows. With `marking`, bytes that differ
    /// from what was seen before are marked as changed at `now`; without it the
    /// frame only becomes the new baseline (the user's own edits are not news).
    public func observe(_ frame: FrameBytes, fileSize: Int, at now: Int64, marking: Bool = true) {
        if marking, let previous {
            let oldEnd = previousFileSize ?? Int.max
            for index in frame.bytes.indices {
                let offset = frame.offset + index
                if let old = previous.byte(at: offset) {
                    if old != frame.bytes[index] { changedAt[offset] = now }
                } else if offset >= oldEnd {
                    changedAt[offset] = now
                }
            }
        }
        previous = frame
        previousFileSize = fileSize
        let visible = frame.offset..<(frame.offset + frame.bytes.count)
        if !changedAt.isEmpty {
            changedAt = changedAt.filter { visible.contains($0.key) && now - $0.value < highlightNanoseconds }
        }
    }

    /// Forgets everything: the next frame is a fresh baseline (after a reopen).
    public func reset() {
        previous = nil
        previousFileSize = nil
        changedAt = [:]
    }

    /// The offsets highlighted at `now`.
    public func highlighted(at now: Int64) -> Set<Int> {
        guard !changedAt.isEmpty else { return [] }
        let lifetime = highlightNanoseconds
        return Set(changedAt.lazy.filter { now - $0.value < lifetime }.map { $0.key })
    }

    /// How many bytes are highlighted at `now` (the status line's count).
    public func highlightedCount(at now: Int64) -> Int {
        changedAt.values.count { now - $0 < highlightNanoseconds }
    }

    /// Whether a highlight drawn at `drawnAt` has faded by `now`: the screen needs a frame.
    public func hasFaded(since drawnAt: Int64, at now: Int64) -> Bool {
        changedAt.values.contains { drawnAt - $0 < highlightNanoseconds && now - $0 >= highlightNanoseconds }
    }

    /// The bytes last observed (what the screen shows).
    public var lastFrame: FrameBytes? { previous }
}
