/// The `:` line: typing with history, then running the line through the same
/// `CommandInterpreter` scripts use, and showing what it asked for.
extension EditorState {
    /// What a key did to the line being typed.
    enum LineOutcome {
        case editing
        case cancelled
        case submitted(String)
    }

    func startLine(_ lineMode: EditorMode) {
        input = LineInput()
        message = nil
        commandHistory.reset()
        searchHistory.reset()
        mode = lineMode
    }

    func handleCommandLine(_ key: Key) -> EditorAction {
        switch editLine(key, history: &commandHistory) {
        case .editing: return .none
        case .cancelled:
            mode = .normal
            return .none
        case .submitted(let line):
            mode = .normal
            return runCommand(line)
        }
    }

    /// Line editing shared by `:` and `/`: Left/Right/Home/End, Backspace,
    /// Delete, Ctrl-U (clear), Up/Down (history), Enter, Esc.
    func editLine(_ key: Key, history: inout CommandHistory) -> LineOutcome {
        switch key {
        case .escape, .control("c"): return .cancelled
        case .enter:
            history.record(input.text)
            return .submitted(input.text)
        case .backspace:
            // Like vim: Backspace on an empty line leaves it.
            if input.isEmpty { return .cancelled }
            input.deleteBackward()
        case .delete: input.deleteForward()
        case .left: input.moveLeft()
        case .right: input.moveRight()
        case .home, .control("a"): input.moveToStart()
        case .end, .control("e"): input.moveToEnd()
        case .control("u"): input = LineInput()
        case .up: if let older = history.older(than: input.text) { input = LineInput(older) }
        case .down: if let newer = history.newer() { input = LineInput(newer) }
        case .character(let character): input.insert(character)
        default: break
        }
        return .editing
    }

    /// Runs one command line (without its `:`); `:OFF` is `:goto OFF`.
    @discardableResult
    func runCommand(_ line: String) -> EditorAction {
        var text = Substring(line).drop(while: \.isWhitespace)
        if text.first == ":" { text = text.dropFirst().drop(while: \.isWhitespace) }
        while text.last?.isWhitespace == true { text.removeLast() }
        guard !text.isEmpty else { return .none }
        var command = String(text)
        if let first = command.first, first.isASCII && first.isNumber || "$+-".contains(first) {
            command = "goto " + command
        }
        let parsed = try? CommandParser.parse(line: command)
        let isForcedQuit = parsed == .quit(.force)
        if isForcedQuit && forcedQuitFailed {
            // The user saw why the edits could not be rolled back and insists.
            return .quit
        }
        forcedQuitFailed = false
        let scans: Bool
        switch parsed {
        case .find, .print: scans = true
        case .advise:
            userChoseAdvice = true
            scans = false
        default: scans = false
        }
        let result = scans ? withSequentialAccess { interpret(command) } : interpret(command)
        switch result {
        case .success(let effects):
            // resize, insert and delete may have mapped the file anew, without the advice.
            adviseRandomAccess()
            return apply(effects, of: String(text))
        case .failure(let error):
            show(error)
            if isForcedQuit {
                // Rolling back can fail (another process truncated the file under
                // the edits); the user must still be able to leave.
                forcedQuitFailed = true
                message = .init(
                    "cannot discard the unsynced edits: \(error.message); :q! again quits without discarding them",
                    isError: true)
            }
            return .none
        }
    }

    private func interpret(_ command: String) -> Result<CommandEffects, EditorError> {
        let context = CommandContext(cursor: cursor)
        return Result { () throws(EditorError) in try interpreter.run(line: command, context: context) }
    }

    /// Carries out what a command asked of the editor.
    func apply(_ effects: CommandEffects, of commandLine: String) -> EditorAction {
        message = effects.message.map { StatusInfo.Message($0) }
        if let target = effects.cursor { cursor = target }
        clampCursor()
        if let columns = effects.columns {
            requestedColumns = columns
            if let requested = columns, let layout, !layout.requestedColumnsFit {
                message = .init(
                    "columns=\(requested) does not fit \(width) terminal columns; showing \(layout.bytesPerRow)",
                    isError: true)
            }
        }
        if let follow = effects.follow {
            following = follow
            if follow, document.size > 0 { cursor = document.size - 1 }
        }
        if effects.output.count == 1 {
            // One line fits the message line; when the command also set a
            // message (find: the offset), that message already says it.
            if message == nil { message = .init(effects.output[0]) }
        } else if !effects.output.isEmpty {
            pager = Pager(title: ":" + commandLine + "  (q or Esc closes)", lines: effects.output)
            mode = .pager
        }
        if effects.showHelp { openHelp() }
        return effects.quit == nil ? .none : .quit
    }
}
