/// One setting of `set NAME VALUE` (or `set NAME=VALUE`), declared once: the parser checks the
/// value, `help` lists it, Tab completes its name and values, and `apply` carries it out.
public struct Setting: Sendable {
    public enum Values: Sendable {
        /// A number in the range, or one of the words.
        case number(ClosedRange<Int>, or: [String])
        /// One of the words.
        case choice([String])
    }

    public let name: String
    public let values: Values
    public let summary: String
    let apply: @Sendable (_ value: String, _ run: CommandRun) throws(EditorError) -> Void

    /// How the values are written in help (`N|auto`, `on|off`).
    public var valuesUsage: String {
        switch values {
        case .number(_, let words): (["N"] + words).joined(separator: "|")
        case .choice(let words): words.joined(separator: "|")
        }
    }

    /// The words Tab offers as values.
    var valueWords: [String] {
        switch values {
        case .number(_, let words), .choice(let words): words
        }
    }

    /// Why `value` is not a value of this setting, or nil when it is.
    func problem(with value: String) -> String? {
        switch values {
        case .choice(let words):
            return words.contains(value) ? nil : "set \(name): expected \(valuesUsage), not '\(value)'"
        case .number(let range, let words):
            if words.contains(value) { return nil }
            guard let number = NumberLiteral.value(of: value), range.contains(number) else {
                return "set \(name): must be \(range.lowerBound) to \(range.upperBound)"
                    + (words.isEmpty ? "" : " or \(words.joined(separator: " or "))") + ", not \(value)"
            }
            return nil
        }
    }
}

/// Every setting.
public enum Settings {
    public static let all: [Setting] = [columns, journal, inspector] + selectionSettings

    public static func named(_ name: String) -> Setting? {
        all.first { $0.name == name }
    }

    static let journal = Setting(
        name: "journal", values: .choice(JournalMode.allCases.map(\.rawValue)),
        summary: "the recovery journal: write (survives a kill), fsync (a power cut too), off"
    ) { (value, run) throws(EditorError) in
        try run.document.setJournalMode(JournalMode(rawValue: value)!)
        run.effects.message = "journal=\(value)"
    }

    static let columns = Setting(
        name: "columns", values: .number(1...256, or: ["auto"]),
        summary: "bytes per row in the editor (auto fits the width)"
    ) { (value, run) throws(EditorError) in
        let columns = value == "auto" ? nil : NumberLiteral.value(of: value)
        run.effects.columns = .some(columns)
        run.effects.message = "columns=\(value)"
    }

    static let inspector = Setting(
        name: "inspector", values: .choice(["on", "off"]),
        summary: "the editor's inspector panel: the cursor's bytes as every type (also the I key)"
    ) { (value, run) throws(EditorError) in
        run.effects.inspector = value == "on"
        run.effects.message = "inspector \(value)"
    }
}
