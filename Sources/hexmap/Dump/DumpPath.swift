import HexEditor
import SystemPackage

/// A file named on the dump's command line, as the bytes the kernel passed.
///
/// A file name need not be UTF-8 (`lat1\xe9.bin`), and a `String` would replace such bytes and
/// name another file. open(2) gets these bytes unchanged; `FilePath` is only for IOMMap, after
/// open(2) has found the file (it normalises `a//b` and drops a trailing `/`, which open(2) must
/// see to refuse `file/` as xxd does).
struct DumpPath: Equatable, Sendable {
    /// The name, without a terminating NUL.
    let bytes: [UInt8]

    init(bytes: some Sequence<UInt8>) {
        self.bytes = Array(bytes)
    }

    /// A name typed as text (tests, and arguments whose bytes are UTF-8 anyway).
    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// The same file, for APIs that take a `FilePath`.
    var filePath: FilePath {
        withCString { FilePath(platformString: $0) }
    }

    /// The name as a message shows it: `TerminalText.path`'s escaping, applied to the bytes as
    /// typed, so no byte of a hostile name can steer the terminal.
    var shown: String {
        TerminalText.escaped(bytes: bytes, doublingBackslashes: true)
    }

    /// The name as a NUL-terminated C string, for open(2) and friends.
    func withCString<Result>(_ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// The directory part with its final `/`; empty for a bare name (the current directory).
    var directory: [UInt8] {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return [] }
        return Array(bytes[...slash])
    }
}
