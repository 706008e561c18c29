import ArgumentParser

/// `hexmap dump`: xxd's dump and reverse, byte for byte, over a mapped file.
///
/// xxd's option syntax (`-s -32`, `-c16`, `-ps`, options before operands, two-letter prefixes)
/// is not ArgumentParser's, so the arguments are captured raw and read by `XXDArguments`, which
/// applies xxd's rules and errors.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print an xxd-compatible hex dump of a file, or turn a dump back into bytes (-r).",
        discussion: XXDUsageError.usage,
        helpNames: [])

    @Argument(parsing: .captureForPassthrough, help: "xxd options, then [infile [outfile]].")
    var arguments: [String] = []

    func run() throws {
        let status = DumpRun.main(arguments, bytes: DumpArgumentBytes.of(arguments))
        if status != 0 { throw ExitCode(status) }
    }
}
