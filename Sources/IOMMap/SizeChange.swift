/// What `refresh()` found when it looked at the file's size again.
public enum SizeChange: Sendable, Equatable {
    /// The file has the size the handle maps; nothing was remapped.
    case unchanged
    /// Another process grew the file; the handle now maps `to` bytes.
    case grew(from: Int, to: Int)
    /// Another process shrank the file; the handle now maps `to` bytes, and reads past
    /// that throw ``MapError/outOfBounds(offset:count:size:)`` instead of ``MapError/busError``.
    case shrank(from: Int, to: Int)
}
