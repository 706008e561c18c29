/// Access-pattern hints for `madvise`.
public enum Advice: Sendable, Equatable, CaseIterable {
    case normal
    case random
    case sequential
    case willNeed
    case dontNeed
}
