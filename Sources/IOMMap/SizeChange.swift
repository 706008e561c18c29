/// What `refresh()` found when it looked at the file's size again.
public enum SizeChange: Sendable, Equatable {
    case unchanged
    case grew(from: Int, to: Int)
    case shrank(from: Int, to: Int)
}
