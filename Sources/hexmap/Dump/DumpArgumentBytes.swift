/// The bytes of the arguments that follow `dump`, as the kernel passed them.
///
/// ArgumentParser hands `DumpCommand` the arguments as `String`s, with bytes that are not UTF-8
/// replaced. It captures them verbatim (passthrough), so they are the last entries of argv, in
/// order: taking them by position keeps two names apart even when their texts are the same
/// (`a\xe9` and `a\xea` both read `a\u{FFFD}`), which a lookup by text cannot do.
enum DumpArgumentBytes {
    /// One byte array per text, in order. Where argv's tail does not match the texts (it always
    /// should), each text's bytes are looked up by `RawArguments.path` instead.
    static func of(_ texts: [String]) -> [[UInt8]] {
        let count = Int(CommandLine.argc)
        if texts.count < count {
            let tail = (count - texts.count..<count).map { index in
                CommandLine.unsafeArgv[index].map { bytes(of: $0) } ?? []
            }
            let matches = zip(tail, texts).allSatisfy { raw, text in String(decoding: raw, as: UTF8.self) == text }
            if matches { return tail }
        }
        return texts.map { text in
            RawArguments.path(text).withPlatformString { bytes(of: $0) }
        }
    }

    private static func bytes(of string: UnsafePointer<CChar>) -> [UInt8] {
        var result: [UInt8] = []
        var cursor = string
        while cursor.pointee != 0 {
            result.append(UInt8(bitPattern: cursor.pointee))
            cursor += 1
        }
        return result
    }
}
