// TEMPORARY (dump branch only): a root command so `hexmap dump` runs before the lead's
// `@main struct Hexmap` (subcommands: [EditCommand.self, DumpCommand.self]) lands. Delete this
// file when merging that root.
import ArgumentParser

struct TemporaryDumpRoot: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hexmap", subcommands: [DumpCommand.self])
}

TemporaryDumpRoot.main()
