/// What `yank` (the `y` key) took and `paste` (the `p` key) writes: one unnamed register per
/// session, in the interpreter, so the editor, scripts and the REPL all have it.
///
/// The bytes are a copy: later edits of the range they came from do not change them.
public struct Register: Equatable, Sendable {
    /// A yank copies into memory, so it is bounded; larger ranges are for `print` or `dump`.
    public static let limit = 16 << 20

    /// The yanked bytes; nil until something is yanked (an empty yank is an empty array).
    public internal(set) var bytes: [UInt8]?
    /// Where they came from, for messages.
    public internal(set) var origin: Int = 0

    public init() {}
}
