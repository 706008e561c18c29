import SystemPackage

/// The plain ways to open the editor or the REPL (`hexmap FILE`, with `-r`, `--private` or
/// `--repl`), read straight from argv.
///
/// ArgumentParser builds its parser by reflection on every run, which costs most of the
/// editor's start-up (two thirds of its instructions before the first frame). These
/// invocations are the ones a person types all day, so they take this path; anything else
/// (another option, `--help`, a subcommand, a name that looks like an option) goes to
/// ArgumentParser as before, so behaviour and messages stay the same.
enum EditorInvocation {
    static let flags = ["-r", "--private", "--repl"]
    /// Words that mean something to ArgumentParser rather than being a file name.
    static let reserved = ["dump", "edit", "help"]

    /// The session `argv` asks for, when it is one of the plain forms.
    static func session(_ argv: [UnsafeMutablePointer<CChar>?]) -> EditSession? {
        var file: UnsafeMutablePointer<CChar>?
        var seen: [String] = []
        for raw in argv.dropFirst() {
            guard let raw else { return nil }
            let text = String(cString: raw)
            if text.hasPrefix("-") {
                guard flags.contains(text), !seen.contains(text) else { return nil }
                seen.append(text)
            } else {
                guard file == nil, !text.isEmpty, !reserved.contains(text) else { return nil }
                file = raw
            }
        }
        guard let file else { return nil }
        let readOnly = seen.contains("-r")
        let privateMapping = seen.contains("--private")
        return EditSession(
            file: FilePath(platformString: file), readOnly: readOnly, privateMapping: privateMapping,
            repl: seen.contains("--repl"))
    }
}
