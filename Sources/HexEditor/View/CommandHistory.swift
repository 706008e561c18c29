/// Lines entered before, browsed with Up/Down like a shell or vim's `:` line.
struct CommandHistory: Equatable {
    private(set) var entries: [String] = []
    /// The entry being shown while browsing; nil when editing a fresh line.
    private var browsing: Int?
    /// The unfinished line the user had typed before browsing, given back by Down.
    private var draft = ""
    static let limit = 200

    /// Remembers an entered line (not blanks, not a repeat of the last one).
    mutating func record(_ line: String) {
        browsing = nil
        guard !line.allSatisfy(\.isWhitespace), entries.last != line else { return }
        entries.append(line)
        if entries.count > CommandHistory.limit { entries.removeFirst(entries.count - CommandHistory.limit) }
    }

    /// Stops browsing (a new line starts).
    mutating func reset() { browsing = nil }

    /// The entry before the one shown (Up), or nil when there is none.
    mutating func older(than current: String) -> String? {
        guard !entries.isEmpty else { return nil }
        let index: Int
        if let browsing {
            guard browsing > 0 else { return nil }
            index = browsing - 1
        } else {
            draft = current
            index = entries.count - 1
        }
        browsing = index
        return entries[index]
    }

    /// The entry after the one shown (Down); past the newest, the draft comes back.
    mutating func newer() -> String? {
        guard let browsing else { return nil }
        if browsing + 1 < entries.count {
            self.browsing = browsing + 1
            return entries[browsing + 1]
        }
        self.browsing = nil
        return draft
    }
}
