import IOMMap

/// Why `hexmap dump` stopped, with the message for standard error and xxd's exit status for it.
struct DumpFailure: Error {
    let message: String
    let exitStatus: Int32

    /// Bad option values and usage mistakes (xxd: 1).
    static func usage(_ message: String) -> DumpFailure { DumpFailure(message: message, exitStatus: 1) }
    /// The input cannot be opened or read (xxd: 2).
    static func input(_ message: String) -> DumpFailure { DumpFailure(message: message, exitStatus: 2) }
    /// The output cannot be opened or written (xxd: 3).
    static func output(_ message: String) -> DumpFailure { DumpFailure(message: message, exitStatus: 3) }
    /// `-s` asks for a position the input does not have (xxd: 4).
    static let cannotSeek = DumpFailure(message: "Sorry, cannot seek.", exitStatus: 4)
    /// A dump that goes backwards on an output that cannot (xxd: 5).
    static func reverse(_ message: String) -> DumpFailure { DumpFailure(message: message, exitStatus: 5) }
    /// `-r` with `-b`, `-e` or `-i` (xxd: exit(-1), seen as 255).
    static let cannotReverseStyle = DumpFailure(
        message: "Sorry, cannot revert this type of hexdump", exitStatus: 255)

    /// A mapped input file that could not be read.
    static func input(_ path: DumpPath, _ error: MapError) -> DumpFailure {
        .input("\(path.shown): \(describe(error))")
    }

    /// A mapped output file that could not be written.
    static func output(_ path: DumpPath, _ error: MapError) -> DumpFailure {
        .output("\(path.shown): \(describe(error))")
    }

    /// IOMMap's error in the dump's words. A full disk and a file that another process truncated
    /// both end a mapped access; they must not be confused (IOMMap tells them apart).
    static func describe(_ error: MapError) -> String {
        switch error {
        case .system(_, .noSpace): "no space left on device"
        case .busError: "the file shrank while it was being read or written (another process truncated it)"
        default: error.description
        }
    }
}
