/// `/` search and `n`/`N`. The pattern is the command language's BYTES (hex
/// pairs or a quoted string); the search itself is the document's guarded find.
extension EditorState {
    func handleSearchLine(_ key: Key) {
        switch editLine(key, history: &searchHistory) {
        case .editing: return
        case .cancelled: mode = .normal
        case .submitted(let text):
            mode = .normal
            if text.allSatisfy(\.isWhitespace) {
                repeatSearch(backward: false)
                return
            }
            do {
                lastSearch = try searchPattern(text)
            } catch {
                show(error)
                return
            }
            repeatSearch(backward: false)
        }
    }

    /// Finds the next (or previous) match of the last pattern, wrapping around the file once.
    func repeatSearch(backward: Bool) {
        withSequentialAccess { searchOnce(backward: backward) }
    }

    private func searchOnce(backward: Bool) {
        guard let pattern = lastSearch else {
            message = .init("no previous search: type / and a pattern", isError: true)
            return
        }
        let size = document.size
        do {
            var found: Int?
            var wrapped = false
            if backward {
                found = cursor > 0 ? try document.find(pattern, from: cursor, backward: true) : nil
                if found == nil, size > 0 {
                    found = try document.find(pattern, from: size, backward: true)
                    wrapped = true
                }
            } else {
                found = cursor + 1 < size ? try document.find(pattern, from: cursor + 1) : nil
                if found == nil {
                    found = try document.find(pattern, from: 0)
                    wrapped = true
                }
            }
            guard let offset = found else {
                message = .init("not found: \(describe(pattern))", isError: true)
                return
            }
            cursor = offset
            clampCursor()
            let position = "0x" + Formatting.hex(offset, digits: 1)
            if offset == cursor && wrapped {
                message = .init(
                    backward ? "search wrapped to the end: \(position)" : "search wrapped to the start: \(position)")
            } else {
                message = .init("found at \(position)")
            }
        } catch {
            show(error)
        }
    }

    /// The pattern in hex, as the user would type it again.
    private func describe(_ pattern: [UInt8]) -> String {
        let shown = pattern.prefix(16).map { byte -> String in
            let (high, low) = Formatting.hexPair(byte)
            return "\(high)\(low)"
        }
        return shown.joined(separator: " ") + (pattern.count > 16 ? " ..." : "")
    }
}

extension EditorState {
    /// Parses what was typed after `/` with the command language's BYTES rules,
    /// so search accepts exactly what `:find` and `:patch` accept.
    func searchPattern(_ text: String) throws(EditorError) -> [UInt8] {
        let prefix = "find "
        let command: Command?
        do {
            command = try CommandParser.parse(line: prefix + text)
        } catch {
            let column = max(1, error.column - prefix.count)
            throw EditorError("search pattern, column \(column): \(error.message)")
        }
        guard let command, command.name == "find", command.arguments.count == 1, let pattern = command.bytes("BYTES")
        else {
            throw EditorError("search pattern: type hex pairs (de ad be ef) or a quoted string (\"text\")")
        }
        return pattern
    }
}
