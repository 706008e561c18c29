import SystemPackage

/// A path's bytes, its last component and its parent, read from the bytes.
///
/// `FilePath`'s component API is generic over collections: its first use looks up type metadata
/// at run time, which was a measurable share of the editor's start-up. A `FilePath` keeps its
/// text normalized (no repeated or trailing separators), so the bytes say the same thing.
extension FilePath {
    /// The path's bytes, without the terminating NUL.
    var bytes: [UInt8] {
        withPlatformString { name in
            var bytes: [UInt8] = []
            var cursor = name
            while cursor.pointee != 0 {
                bytes.append(UInt8(bitPattern: cursor.pointee))
                cursor += 1
            }
            return bytes
        }
    }

    /// The bytes of `lastComponent`: empty for `/` and for the empty path.
    var lastComponentBytes: [UInt8] {
        let bytes = self.bytes
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return bytes }
        return Array(bytes[(slash + 1)...])
    }

    /// `removingLastComponent()`: `/a/b` → `/a`, `/a` → `/`, `a` → the empty path.
    var parentDirectory: FilePath {
        let bytes = self.bytes
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return FilePath() }
        return FilePath(bytes: bytes[..<max(slash, 1)])
    }

    /// A path from its bytes (which must hold no NUL), as they are: a name that is not UTF-8
    /// names the file it names, not a lookalike.
    public init(bytes: some Collection<UInt8>) {
        let terminated = bytes.map { CInterop.PlatformChar(bitPattern: $0) } + [0]
        self = terminated.withUnsafeBufferPointer { FilePath(platformString: $0.baseAddress!) }
    }
}
