import HexDump
import SystemPackage

/// Small text formatting helpers for the view, free of Foundation so a frame
/// costs no locale look-ups.
enum Formatting {
    /// A size for people: `812 B`, `4.0 KiB`, `100.0 GiB` (one decimal, binary units).
    static func humanSize(_ size: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
        if size < 1024 { return "\(size) B" }
        var unit = 0
        var scaled = Double(size)
        while scaled >= 1024, unit < units.count - 1 {
            scaled /= 1024
            unit += 1
        }
        let tenths = Int((scaled * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }

    /// The status line's fields that are there, two spaces apart.
    ///
    /// A loop rather than `joined(separator:)`: that is generic code the stdlib leaves
    /// unspecialized, whose first call makes the runtime look up a conformance across the whole
    /// binary, on the first frame.
    static func fields(_ parts: [String?]) -> String {
        var line = ""
        for case let part? in parts {
            if !line.isEmpty { line += "  " }
            line += part
        }
        return line
    }

    /// The last path component, for the status line, escaped like every path shown.
    static func fileName(of path: FilePath) -> String {
        let name = path.lastComponentBytes
        guard !name.isEmpty else { return TerminalText.path(path) }
        return TerminalText.escaped(bytes: name, doublingBackslashes: true)
    }
}
