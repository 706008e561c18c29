import ArgumentParser

/// Stand-in until the dump tool's branch is merged (the lead deletes this file then).
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump", abstract: "Print FILE like xxd (not available in this build yet).")

    @Argument(help: "The file to dump.")
    var file: String

    func run() throws {
        throw ValidationError("hexmap dump is not available in this build yet")
    }
}
