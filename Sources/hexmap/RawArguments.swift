import SystemPackage

/// The command line as the kernel gave it: bytes, not text.
///
/// ArgumentParser hands out arguments as `String`s, which replace bytes that are not UTF-8.
/// A file name such as `lat1\xe9.bin` must reach `open` with its own bytes, or hexmap would
/// open (or create) a different file, so paths are looked up here again by their text.
enum RawArguments {
    /// The path given on the command line whose text (as ArgumentParser saw it) is `text`,
    /// with its original bytes. `--option=PATH` counts too. Falls back to `text` itself.
    static func path(_ text: String) -> FilePath {
        let arguments = CommandLine.unsafeArgv
        for index in 1..<Int(CommandLine.argc) {
            guard let raw = arguments[index] else { continue }
            if String(cString: raw) == text {
                return FilePath(platformString: raw)
            }
            // `--long=PATH`: the bytes after the first `=`.
            var cursor = raw
            while cursor.pointee != 0 && cursor.pointee != CChar(UInt8(ascii: "=")) { cursor += 1 }
            if cursor.pointee != 0, raw.pointee == CChar(UInt8(ascii: "-")), String(cString: cursor + 1) == text {
                return FilePath(platformString: cursor + 1)
            }
        }
        return FilePath(text)
    }
}
