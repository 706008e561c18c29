import HexEditor
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One word of the command line as the kernel passed it: bytes, not text.
///
/// A file name such as `lat1\xe9.bin` must reach `open` with its own bytes, or hexmap would
/// open (or create) a different file, so paths are made from the bytes. The text (with bytes
/// that are not UTF-8 replaced) is what options are matched against and messages quote.
struct RawArgument {
    let bytes: [UInt8]
    let text: String

    init(bytes: [UInt8]) {
        self.bytes = bytes
        text = String(decoding: bytes, as: UTF8.self)
    }

    init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// The words after the program's name.
    static var commandLine: [RawArgument] {
        (1..<Int(CommandLine.argc)).map { index in
            guard let word = CommandLine.unsafeArgv[index] else { return RawArgument(bytes: []) }
            return RawArgument(bytes: Array(UnsafeRawBufferPointer(start: word, count: strlen(word))))
        }
    }

    /// The bytes from `offset` on, as a path: all of them for `FILE`, those after the `=` of
    /// `--option=PATH`.
    func path(from offset: Int = 0) -> FilePath {
        FilePath(bytes: bytes[offset...])
    }
}
