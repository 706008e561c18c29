import HexDump

/// Turns what the editor knows into a `Screen`. Pure: no document access, so
/// it can be tested with plain byte arrays and costs only cell writes.
public enum Renderer {
    /// What one frame of the hex view needs.
    public struct HexView: Sendable {
        public var layout: Layout
        /// The visible bytes, from the first visible row (fewer than a page near the end).
        public var frame: FrameBytes
        /// The previous frame's bytes: bytes that differ are marked `.changed`. Nil: no marking.
        public var previousFrame: FrameBytes?
        /// Offsets the live view highlights (changed by another process a moment ago).
        public var changedOffsets: Set<Int>
        public var fileSize: Int
        public var cursor: Int
        public var pane: Pane
        /// The high nibble typed in overwrite mode and not yet written.
        public var pendingHighNibble: UInt8?
        /// The selected bytes, both ends included.
        public var selection: ClosedRange<Int>?
        /// Colour bytes by class (`:set colors`); off, they are plain.
        public var byteClasses: Bool
        public var status: StatusInfo

        public init(
            layout: Layout, frame: FrameBytes, previousFrame: FrameBytes? = nil, changedOffsets: Set<Int> = [],
            fileSize: Int, cursor: Int, pane: Pane, pendingHighNibble: UInt8? = nil,
            selection: ClosedRange<Int>? = nil, byteClasses: Bool = true, status: StatusInfo
        ) {
            self.selection = selection
            self.byteClasses = byteClasses
            self.changedOffsets = changedOffsets
            self.layout = layout
            self.frame = frame
            self.previousFrame = previousFrame
            self.fileSize = fileSize
            self.cursor = cursor
            self.pane = pane
            self.pendingHighNibble = pendingHighNibble
            self.status = status
        }
    }

    public static func render(_ view: HexView) -> Screen {
        let layout = view.layout
        var screen = Screen(width: layout.width, height: layout.height)
        for row in 0..<layout.dataRows {
            drawDataRow(row, of: view, on: &screen)
        }
        drawStatusLine(view, on: &screen)
        drawMessageLine(view.status, row: layout.messageRow, on: &screen)
        return screen
    }

    private static func drawDataRow(_ row: Int, of view: HexView, on screen: inout Screen) {
        let layout = view.layout
        let rowOffset = view.frame.offset + row * layout.bytesPerRow
        if view.fileSize == 0 && row == 0 {
            screen.put(Hex.number(0, width: layout.offsetDigits), row: row, column: 0, style: .offset)
            screen.put(
                "(empty file: :resize SIZE grows it)", row: row, column: layout.hexColumn(ofByte: 0), style: .message)
            return
        }
        guard rowOffset < view.fileSize else {
            screen.put("~", row: row, column: 0, style: .offset)
            return
        }
        screen.put(Hex.number(rowOffset, width: layout.offsetDigits), row: row, column: 0, style: .offset)
        screen[row, layout.textPaneBar] = Cell("|", style: .offset)
        for index in 0..<layout.bytesPerRow {
            let offset = rowOffset + index
            guard offset < view.fileSize, let byte = view.frame.byte(at: offset) else { break }
            // The highlights go over the byte classes: cursor, then a pending nibble, then a
            // change another process made, then the selection.
            var style = view.byteClasses ? ByteClass(byte).style : .plain
            let selected = view.selection?.contains(offset) ?? false
            if selected { style = .selection }
            if let previous = view.previousFrame?.byte(at: offset), previous != byte { style = .changed }
            if view.changedOffsets.contains(offset) { style = .changed }
            var hexStyle = style
            var textStyle = style
            var high = Hex.digit(byte >> 4)
            let low = Hex.digit(byte)
            if offset == view.cursor {
                hexStyle = view.pane == .hex ? .cursor : .cursorShadow
                textStyle = view.pane == .text ? .cursor : .cursorShadow
                if let nibble = view.pendingHighNibble {
                    high = Hex.digit(nibble)
                    hexStyle = .pending
                }
            }
            let hexColumn = layout.hexColumn(ofByte: index)
            screen[row, hexColumn] = Cell(ascii: high, style: hexStyle)
            screen[row, hexColumn + 1] = Cell(ascii: low, style: hexStyle)
            if selected, index + 1 < layout.bytesPerRow, view.selection?.contains(offset + 1) == true {
                // The selection reads as one block: the gap up to the next selected pair too.
                screen.restyle(
                    row: row, column: hexColumn + 2, count: layout.hexColumn(ofByte: index + 1) - hexColumn - 2,
                    style: .selection)
            }
            // Cell(ascii:) shows anything but printable ASCII as `.`, as the text pane does.
            screen[row, layout.textColumn(ofByte: index)] = Cell(ascii: byte, style: textStyle)
        }
        screen[row, layout.textColumn(ofByte: layout.bytesPerRow)] = Cell("|", style: .offset)
    }

    private static func drawStatusLine(_ view: HexView, on screen: inout Screen) {
        let row = view.layout.statusRow
        screen.fillRow(row, style: .statusLine)
        screen.put(statusText(view), row: row, column: 1, style: .statusLine)
    }

    /// `sample.bin  4.0 KiB  0x0000001f (31)  byte 0x41 65 'A'  rw  2 unsynced  hex`.
    /// On a narrow terminal the least important parts go first (pane, byte, size),
    /// so the offset, the mode and the unsynced count always show.
    static func statusText(_ view: HexView) -> String {
        let status = view.status
        var name: String? = status.fileName
        var size: String? = Formatting.humanSize(status.fileSize)
        var position: String?
        var byteDescription: String?
        if view.fileSize == 0 {
            position = "empty"
        } else {
            position = "0x\(Hex.number(view.cursor, width: view.layout.offsetDigits)) (\(view.cursor))"
            if let byte = view.frame.byte(at: view.cursor) {
                var description = "byte 0x\(Hex.pair(byte)) \(byte)"
                if (0x20...0x7e).contains(byte) { description += " '\(byte.textPaneCharacter)'" }
                byteDescription = description
            }
        }
        let unsynced = status.unsyncedEdits > 0 ? "\(status.unsyncedEdits) unsynced" : nil
        let follow = status.following ? "follow" : nil
        var pane: String? = view.pane == .hex ? "hex" : "text"
        func joined() -> String {
            Formatting.fields([
                name, size, position, status.selection, byteDescription, status.access, unsynced, follow, status.live,
                pane,
            ])
        }
        let room = view.layout.width - 2
        if joined().count > room { pane = nil }
        if joined().count > room { byteDescription = nil }
        if joined().count > room { size = nil }
        if joined().count > room { name = nil }
        return joined()
    }

    /// The bottom line: the input being typed, else the message, else the mode banner.
    static func drawMessageLine(_ status: StatusInfo, row: Int, on screen: inout Screen) {
        if let input = status.input {
            // Long input scrolls so the insertion point stays visible.
            let visible = max(1, screen.width - 2)
            let start = max(0, input.cursor - visible + 1)
            let shown = sanitized(String(input.text.dropFirst(start).prefix(visible)))
            screen.put(String(input.prompt), row: row, column: 0, style: .commandLine)
            screen.put(shown, row: row, column: 1, style: .commandLine)
            screen.cursorPosition = (row, 1 + input.cursor - start)
        } else if let message = status.message {
            screen.put(sanitized(message.text), row: row, column: 0, style: message.isError ? .error : .message)
        } else if let banner = status.modeBanner {
            screen.put(banner, row: row, column: 0, style: .message)
        }
    }

    /// Shown instead of the editor when the terminal cannot fit one data row.
    public static func renderTooSmall(width: Int, height: Int, fileSize: Int) -> Screen {
        var screen = Screen(width: width, height: height)
        let needWidth = Layout.rowWidth(
            bytesPerRow: Layout.fallbackColumns, offsetDigits: Layout.offsetDigits(forFileSize: fileSize))
        screen.put("terminal too small", row: 0, column: 0, style: .error)
        screen.put("need \(needWidth)x\(Layout.minimumHeight)", row: 1, column: 0, style: .error)
        return screen
    }

    /// A scrollable page of text (help, multi-line command output).
    public static func renderPager(
        title: String, lines: [String], top: Int, width: Int, height: Int, status: StatusInfo
    ) -> Screen {
        var screen = Screen(width: width, height: height)
        screen.fillRow(0, style: .title)
        screen.put(" " + title, row: 0, column: 0, style: .title)
        let bodyRows = max(0, height - 2)
        for row in 0..<bodyRows where top + row < lines.count {
            screen.put(sanitized(lines[top + row]), row: row + 1, column: 0)
        }
        let last = min(lines.count, top + bodyRows)
        let position = lines.isEmpty ? "" : "  lines \(top + 1)-\(last) of \(lines.count)"
        var bottom = status
        if bottom.message == nil && bottom.input == nil {
            bottom.message = .init("j/k, PgUp/PgDn scroll, q or Esc closes" + position)
        }
        drawMessageLine(bottom, row: height - 1, on: &screen)
        return screen
    }

    /// One cell per character, and only printable ASCII: a tab becomes a space,
    /// anything else `.`, so no raw bytes from command output or typed text reach
    /// the terminal and columns stay where the renderer put them.
    static func sanitized(_ line: String) -> String {
        String(
            line.map { character -> Character in
                if character == "\t" { return " " }
                guard let ascii = character.asciiValue, (0x20...0x7e).contains(ascii) else { return "." }
                return character
            })
    }
}
