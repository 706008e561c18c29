/// Access-pattern hints for `madvise`, passed to ``MappedFile/advise(_:offset:count:)``.
public enum Advice: Sendable, Equatable, CaseIterable {
    /// No particular pattern: the kernel's default read-ahead (`MADV_NORMAL`).
    case normal
    /// Pages will be touched in no particular order: read ahead less (`MADV_RANDOM`).
    case random
    /// Pages will be touched in order: read ahead more, and free pages soon after they are
    /// read (`MADV_SEQUENTIAL`).
    case sequential
    /// The range will be needed soon: start reading it in now (`MADV_WILLNEED`).
    case willNeed
    /// The range is not needed for now: its pages may be dropped and read again from the
    /// file later (`MADV_DONTNEED`). Refused on a writable private mapping, whose changes
    /// it would throw away.
    case dontNeed
}
