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
        if lineMode == .commandLine, !historyLoaded {
            // The first `:` of the session: nothing typed yet, so the saved lines are all there is.
            historyLoaded = true
            for line in historyFile?.load() ?? [] { commandHistory.record(line) }
        }
        input = LineInput()
        message = nil
        commandHistory.reset()
        searchHistory.reset()
        mode = lineMode
    }

    func handleCommandLine(_ key: Key) -> EditorAction {
        if key == .tab {
            completeCommandLine()
            return .none
        }
        switch editLine(key, history: &commandHistory) {
        case .editing: return .none
        case .cancelled:
            mode = .normal
            return .none
        case .submitted(let line):
            mode = .normal
            historyFile?.append(line)
            if let problem = historyFile?.writeProblem, !warnedAboutHistory {
                warnedAboutHistory = true
                let action = runCommand(line)
                if message == nil { message = .init("warning: \(problem)") }
                return action
            }
            return runCommand(line)
        }
    }

    /// Tab on the `:` line: completes the word before the insertion point from the command
    /// table; when several words fit, as far as they agree, then lists them.
    func completeCommandLine() {
        let before = String(input.characters[..<input.cursor])
        let (start, candidates) = CommandCompletion.candidates(for: before)
        guard !candidates.isEmpty else {
            message = .init("nothing to complete", isError: true)
            return
        }
        let typed = String(before.dropFirst(start))
        var completion = CommandCompletion.commonPrefix(candidates)
        if candidates.count == 1 && !completion.hasSuffix("=") { completion += " " }
        if completion.count > typed.count {
            for character in completion.dropFirst(typed.count) { input.insert(character) }
            message = nil
        } else {
            message = .init(candidates.joined(separator: "  "))
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
        var typed = String(text)
        if let first = typed.first, first.isASCII && first.isNumber || "$+-'".contains(first) {
            typed = "goto " + typed
        }
        let command: Command?
        do {
            command = try CommandParser.parse(line: typed)
        } catch {
            show(EditorError("column \(error.column): \(error.message)"))
            return .none
        }
        guard let command else { return .none }
        return run(command, title: String(text))
    }

    /// Runs a command, typed on the `:` line or made by a key; `title` names it in a pager.
    @discardableResult
    func run(_ command: Command, title: String? = nil) -> EditorAction {
        let isForcedQuit = command.name == "q!"
        if isForcedQuit && forcedQuitFailed {
            // The user saw why the edits could not be rolled back and insists.
            return .quit
        }
        forcedQuitFailed = false
        let scans = command.declaration?.scansFile ?? false
        let result = scans ? withSequentialAccess { interpret(command) } : interpret(command)
        switch result {
        case .success(var effects):
            applySelectionEffects(effects, of: command)
            effects.output = wrappedToScreen(effects.output)
            if effects.choseAdvice { userChoseAdvice = true }
            // resize, insert and delete may have mapped the file anew, without the advice.
            adviseRandomAccess()
            return apply(effects, of: title ?? command.name)
        case .failure(let error):
            show(error)
            if isForcedQuit {
                // Rolling back can fail (another process truncated the file under the
                // edits); the user must still be able to leave.
                forcedQuitFailed = true
                message = .init(
                    "cannot discard the unsynced edits: \(error.message); :q! again quits without discarding them",
                    isError: true)
            }
            return .none
        }
    }

    private func interpret(_ command: Command) -> Result<CommandEffects, EditorError> {
        let context = CommandContext(cursor: cursor, selection: selectionForCommands)
        return Result { () throws(EditorError) in try interpreter.run(command, context: context) }
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
        // A struct shows in its panel, not in a pager.
        let output = applyPanelEffects(effects) ? [] : effects.output
        if output.count == 1 {
            // One line fits the message line; when the command also set a
            // message (find: the offset), that message already says it.
            if message == nil { message = .init(output[0]) }
        } else if !output.isEmpty {
            pager = Pager(title: ":" + commandLine + "  (q or Esc closes)", lines: output)
            mode = .pager
        }
        if effects.showHelp { openHelp() }
        return effects.quit == nil ? .none : .quit
    }
}
