/// `/` and `?` search, `n` and `N`. The pattern is the command language's PATTERN (hex
/// pairs, `??`, nibble wildcards, "text", i"text"); the search runs a window at a time
/// (`SearchRun`), so a long one shows its progress and stops at Esc or Ctrl-C.
extension EditorState {
    func handleSearchLine(_ key: Key) {
        switch editLine(key, history: &searchHistory) {
        case .editing: return
        case .cancelled: mode = .normal
        case .submitted(let text):
            mode = .normal
            let backward = searchLineBackward
            if text.allSatisfy(\.isWhitespace) {
                repeatSearch(backward: backward)
                return
            }
            do {
                lastSearch = try searchPattern(text)
            } catch {
                show(error)
                return
            }
            lastSearchBackward = backward
            repeatSearch(backward: backward)
        }
    }

    /// `n` (same direction as the last search) or `N` (the other).
    func repeatSearch(reversed: Bool) {
        repeatSearch(backward: reversed ? !lastSearchBackward : lastSearchBackward)
    }

    /// Starts a search for the last pattern from the cursor, wrapping around the file once.
    /// A small file is searched at once; a big one goes on in `continueSearch` between keys.
    func repeatSearch(backward: Bool) {
        guard let pattern = lastSearch else {
            message = .init("no previous search: type / and a pattern", isError: true)
            return
        }
        searchRun = SearchRun(pattern: pattern, backward: backward, cursor: cursor, size: document.size)
        continueSearch()
    }

    /// Whether a search is under way (the event loop keeps calling `continueSearch`).
    public var isSearching: Bool { searchRun != nil }

    /// Runs the search one step further; returns true when the screen changed.
    @discardableResult
    public func continueSearch() -> Bool {
        guard let run = searchRun else { return false }
        let outcome: SearchRun.Outcome
        do {
            outcome = try withSequentialAccess { () throws(EditorError) -> SearchRun.Outcome in
                try run.advance(in: document)
            }
        } catch {
            searchRun = nil
            show(error)
            return true
        }
        switch outcome {
        case .searching:
            message = .init(run.progressText)
        case .found(let offset, let wrapped):
            searchRun = nil
            cursor = offset
            clampCursor()
            let position = hex(offset)
            message = .init(wrapped ? "search wrapped: \(position)" : "found at \(position)")
        case .notFound:
            searchRun = nil
            message = .init("not found: \(run.pattern.text)", isError: true)
        }
        return true
    }

    /// Esc or Ctrl-C while searching: stop where it is; the cursor stays.
    func cancelSearch() {
        searchRun = nil
        message = .init("search cancelled")
    }

    /// Parses what was typed after `/` or `?` with the command language's PATTERN rules,
    /// so search accepts exactly what `:find` accepts.
    func searchPattern(_ text: String) throws(EditorError) -> BytePattern {
        let prefix = "find "
        let command: Command?
        do {
            command = try CommandParser.parse(line: prefix + text)
        } catch {
            let column = max(1, error.column - prefix.count)
            throw EditorError("search pattern, column \(column): \(error.message)")
        }
        guard let command, command.name == "find", command.arguments.count == 1,
            let pattern = command.pattern("PATTERN")
        else {
            throw EditorError("search pattern: hex pairs (de ad), ?? and 4? wildcards, \"text\" or i\"text\"")
        }
        return pattern
    }
}
