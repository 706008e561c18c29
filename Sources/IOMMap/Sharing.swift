/// Whether writes reach the file.
public enum Sharing: Sendable, Equatable {
    /// `MAP_SHARED`: writes reach the file and other processes see them.
    case shared
    /// `MAP_PRIVATE`: copy-on-write; writes never reach the file.
    case `private`
}
