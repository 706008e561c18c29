/// One section of the help screen's keys, as data: for renderings other than the screen (the
/// man page), which lay the same entries out their own way.
public struct HelpSection: Equatable, Sendable {
    public enum Item: Equatable, Sendable {
        /// Keys (`h j k l, arrows`) and what they do, the lines of the text joined.
        case entry(keys: String, text: String)
        /// A paragraph of prose, its lines joined.
        case note(String)
    }

    /// The heading as the help shows it (`MOVING (normal mode)`).
    public let title: String
    public var items: [Item]
}

extension HelpText {
    /// Where an entry's text starts. The help is written in two columns: a heading at column 0,
    /// an entry's keys at column 2, what they do from this column on, and its further lines
    /// indented to this column. Keys too long for their column stand alone on their line, the
    /// text on the lines below (as the command list does). Any other line at column 2 is prose.
    static let textColumn = 23

    /// The sections of keys, read back from the help text by its layout; the commands section is
    /// left out (it comes from the command table, which other renderings read themselves).
    public static var keySections: [HelpSection] {
        let lines = Array(lines.dropFirst())  // the title
        let commandsHeading = String(commands.prefix { $0 != "\n" })
        var sections: [HelpSection] = []
        var skipping = false
        var paragraphEnded = true
        for (index, line) in lines.enumerated() {
            if line.isEmpty {
                paragraphEnded = true
                continue
            }
            if line.first != " " {
                skipping = line == commandsHeading
                if !skipping { sections.append(HelpSection(title: line, items: [])) }
                paragraphEnded = true
                continue
            }
            guard !skipping, !sections.isEmpty else { continue }
            let shape = LineShape(line)
            var items = sections[sections.count - 1].items
            switch shape {
            case .continuation(let text):
                items.append(joined(items.popLast(), text))
            case .entry(let keys, let text):
                items.append(.entry(keys: keys, text: text))
            case .prose(let text):
                if index + 1 < lines.count, case .continuation = LineShape(lines[index + 1]) {
                    items.append(.entry(keys: text, text: ""))
                } else if !paragraphEnded, case .note = items.last {
                    items.append(joined(items.popLast(), text))
                } else {
                    items.append(.note(text))
                }
            }
            sections[sections.count - 1].items = items
            paragraphEnded = false
        }
        return sections
    }

    /// `item` with `text` added to its end (a continuation with nothing before it starts a note).
    private static func joined(_ item: HelpSection.Item?, _ text: String) -> HelpSection.Item {
        switch item {
        case .entry(let keys, let before): .entry(keys: keys, text: before.isEmpty ? text : before + " " + text)
        case .note(let before): .note(before + " " + text)
        case nil: .note(text)
        }
    }

    /// What a line of a keys section is, by where its text starts.
    private enum LineShape {
        case entry(keys: String, text: String)
        case continuation(String)
        case prose(String)

        init(_ line: String) {
            let characters = Array(line)
            let indent = characters.prefix { $0 == " " }.count
            let column = HelpText.textColumn
            if indent >= column {
                self = .continuation(String(characters[indent...]))
            } else if characters.count > column, characters[column - 2] == " ", characters[column - 1] == " ",
                characters[column] != " "
            {
                let keys = String(characters[indent..<(column - 2)])
                self = .entry(
                    keys: String(keys.reversed().drop { $0 == " " }.reversed()), text: String(characters[column...]))
            } else {
                self = .prose(String(characters[indent...]))
            }
        }
    }
}
