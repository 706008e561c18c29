/// Which fields of the struct panel another process changed, kept marked for as long as the
/// hex pane keeps a changed byte marked (`ChangeTracker`): the struct panel's live highlight.
///
/// It compares each field's value with the value the last frame showed, by field name. A
/// different struct, or the same one at another offset, starts afresh: nothing is news then.
struct FieldChangeTracker {
    let highlightNanoseconds: Int64
    /// What the values belong to (the definition and its offset).
    private var key: String?
    private var previous: [String: String] = [:]
    private var changedAt: [String: Int64] = [:]

    init(highlightNanoseconds: Int64 = ChangeTracker.defaultHighlightNanoseconds) {
        self.highlightNanoseconds = highlightNanoseconds
    }

    /// Takes in the values a frame shows. With `marking`, a value that differs from before is
    /// marked as changed at `now`; without it (a key was pressed: the user's own edit) the
    /// values only become the new baseline.
    mutating func observe(key: String, fields: [(name: String, value: String)], at now: Int64, marking: Bool) {
        var values: [String: String] = [:]
        for field in fields { values[field.name] = field.value }
        if key != self.key {
            self.key = key
            changedAt = [:]
        } else if marking {
            for (name, value) in values where previous[name].map({ $0 != value }) ?? false {
                changedAt[name] = now
            }
        }
        previous = values
        changedAt = changedAt.filter { now - $0.value < highlightNanoseconds }
    }

    /// The fields highlighted at `now`.
    func highlighted(at now: Int64) -> Set<String> {
        Set(changedAt.lazy.filter { now - $0.value < highlightNanoseconds }.map { $0.key })
    }

    /// Whether a highlight drawn at `drawnAt` has faded by `now`: the panel needs a frame.
    func hasFaded(since drawnAt: Int64, at now: Int64) -> Bool {
        changedAt.values.contains { drawnAt - $0 < highlightNanoseconds && now - $0 >= highlightNanoseconds }
    }
}
