/// Normal mode: motions, and the keys that enter the other modes.
extension EditorState {
    /// Bytes per row and rows per page for motions (sane values when the terminal is too small).
    var motionMetrics: (perRow: Int, group: Int, rows: Int) {
        guard let layout else { return (16, 8, 1) }
        return (layout.bytesPerRow, layout.groupSize, layout.dataRows)
    }

    func handleNormal(_ key: Key) -> EditorAction {
        // A message answers the last key; the next one makes it stale.
        message = nil
        if pendingMarkKey != nil { return finishMarkKey(key) }
        if moveCursor(for: key) { return .none }
        switch key {
        case .tab, .backTab: pane = pane.other
        case .character(":"): startLine(.commandLine)
        case .character("/"):
            searchLineBackward = false
            startLine(.search)
        case .character("?"):
            searchLineBackward = true
            startLine(.search)
        case .character("n"): repeatSearch(reversed: false)
        case .character("N"): repeatSearch(reversed: true)
        case .character("F"): startFollowing()
        case .character("I"): toggleInspector()
        case .character("R"): enterEditingMode(.overwrite)
        case .character("r"): enterEditingMode(.replaceByte)
        case .character("u"): return run(Command("undo"))
        case .control("r"): return run(Command("redo"))
        case .character("v"): toggleSelection()
        case .character("y"): return yankKey()
        case .character("p"): return run(Command("paste"))
        case .character("m"), .character("'"): startMarkKey(key == .character("m") ? "m" : "'")
        case .function(1): openHelp()
        case .escape: selection = nil
        case .control("l"): return .redraw
        case .control("z"): return .suspend
        case .control("c"):
            message = .init("type :q to quit (:wq saves first, :q! discards unsynced edits)")
        default: break
        }
        return .none
    }

    /// The motions shared by normal and overwrite mode. Returns false when `key` is not one.
    func moveCursor(for key: Key) -> Bool {
        let (perRow, group, rows) = motionMetrics
        let size = document.size
        let last = max(0, size - 1)
        let rowStart = cursor - cursor % perRow
        switch key {
        case .left, .character("h"), .backspace: cursor -= 1
        case .right, .character("l"), .character(" "): cursor += 1
        case .up, .character("k"): if cursor >= perRow { cursor -= perRow }
        case .down, .character("j"):
            // A partial last row is still a row to go down to: land on its last byte.
            if cursor + perRow <= last {
                cursor += perRow
            } else if rowStart + perRow <= last {
                cursor = last
            }
        case .character("w"): cursor = min(last, (cursor / group + 1) * group)
        case .character("b"): cursor = cursor % group == 0 ? cursor - group : cursor - cursor % group
        case .home, .character("0"): cursor = rowStart
        case .end, .character("$"): cursor = min(last, rowStart + perRow - 1)
        case .character("g"): cursor = 0
        case .character("G"): cursor = last
        case .pageDown, .control("f"): page(by: rows * perRow)
        case .pageUp, .control("b"): page(by: -rows * perRow)
        case .control("d"): page(by: max(1, rows / 2) * perRow)
        case .control("u"): page(by: -max(1, rows / 2) * perRow)
        case .mouse(let event): if !moveCursor(forMouse: event) { return false }
        default: return false
        }
        leaveFollowModeForMotion()
        clampCursor()
        return true
    }

    /// Moves cursor and viewport together, like vim's page keys.
    func page(by delta: Int) {
        let last = max(0, document.size - 1)
        if delta > 0 && cursor + delta > last {
            // Cannot move a whole page: go to the last byte's row, same column when possible.
            let (perRow, _, _) = motionMetrics
            let column = cursor % perRow
            let lastRowStart = last - last % perRow
            cursor = min(last, lastRowStart + column)
        } else if delta < 0 && cursor + delta < 0 {
            let (perRow, _, _) = motionMetrics
            cursor = cursor % perRow
        } else {
            cursor += delta
            top += delta
        }
    }

    func openHelp() {
        pager = Pager(title: "hexmap help (q or Esc closes)", lines: HelpText.lines)
        mode = .pager
    }

    func handlePager(_ key: Key) {
        let rows = max(1, height - 2)
        switch key {
        case .character("q"), .escape, .control("c"), .function(1), .enter:
            pager = nil
            mode = .normal
        case .down, .character("j"): pager?.scroll(by: 1, pageRows: rows)
        case .up, .character("k"): pager?.scroll(by: -1, pageRows: rows)
        case .pageDown, .character(" "), .control("f"): pager?.scroll(by: rows, pageRows: rows)
        case .pageUp, .control("b"): pager?.scroll(by: -rows, pageRows: rows)
        case .control("d"): pager?.scroll(by: rows / 2, pageRows: rows)
        case .control("u"): pager?.scroll(by: -rows / 2, pageRows: rows)
        case .home, .character("g"): pager?.scroll(by: -Int.max / 2, pageRows: rows)
        case .end, .character("G"): pager?.scroll(by: Int.max / 2, pageRows: rows)
        case .mouse(let event) where event.action == .wheelUp: pager?.scroll(by: -Self.wheelRows, pageRows: rows)
        case .mouse(let event) where event.action == .wheelDown: pager?.scroll(by: Self.wheelRows, pageRows: rows)
        default: break
        }
    }
}
