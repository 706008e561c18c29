/// The bytes one frame showed, starting at `offset`.
///
/// The renderer compares them with the previous frame's bytes to mark what
/// another process changed (the live view's hook: pass the previous frame).
public struct FrameBytes: Equatable, Sendable {
    public var offset: Int
    public var bytes: [UInt8]

    public init(offset: Int, bytes: [UInt8]) {
        self.offset = offset
        self.bytes = bytes
    }

    /// The byte at absolute `offset`, if this frame held it.
    public func byte(at absolute: Int) -> UInt8? {
        let index = absolute - offset
        return bytes.indices.contains(index) ? bytes[index] : nil
    }
}
