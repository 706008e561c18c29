import HexDump

/// Draws the panels onto a frame the hex view was rendered to. Pure, like `Renderer`: text in,
/// cells out, and only printable ASCII (`Screen.put` sees to it).
enum PanelRenderer {
    static func draw(
        _ content: PanelContent, in arrangement: PanelArrangement, changedFields: Set<String>, offsetDigits: Int,
        on screen: inout Screen
    ) {
        if let inspector = content.inspector, let rect = arrangement.inspector {
            drawInspector(
                inspector, in: rect, columns: arrangement.inspectorColumns, offsetDigits: offsetDigits, on: &screen)
        }
        if let structure = content.structure, let rect = arrangement.structure {
            drawStructure(structure, in: rect, changed: changedFields, offsetDigits: offsetDigits, on: &screen)
        }
    }

    private static func title(_ text: String, in rect: PanelArrangement.Rect, on screen: inout Screen) {
        for column in rect.column..<(rect.column + rect.width) { screen[rect.row, column] = Cell(" ", style: .title) }
        put(" " + text, row: rect.row, column: rect.column, width: rect.width, style: .title, on: &screen)
    }

    /// Writes `text` clipped to `width` cells. Panel text is ASCII (values are escaped, names
    /// are identifiers), so it goes byte by byte; anything else shows as `.`, as `Screen.put`
    /// would show it.
    private static func put(_ text: String, row: Int, column: Int, width: Int, style: Style, on screen: inout Screen) {
        var x = column
        let end = min(column + width, screen.width)
        for byte in text.utf8 {
            guard x < end else { return }
            // Continuation bytes of a non-ASCII character add no cell.
            if byte & 0xC0 == 0x80 { continue }
            let printable = (0x20...0x7E).contains(byte)
            screen[row, x] = Cell(printable ? Character(Unicode.Scalar(byte)) : ".", style: style)
            x += 1
        }
    }

    static func drawInspector(
        _ inspector: PanelContent.Inspector, in rect: PanelArrangement.Rect, columns: Int, offsetDigits: Int,
        on screen: inout Screen
    ) {
        title(
            "inspector  0x\(Hex.number(inspector.offset, width: offsetDigits)) (\(inspector.offset))", in: rect,
            on: &screen)
        let rows = rect.height - 1
        guard rows > 0 else { return }
        let cellWidth = rect.width / columns
        // Column by column, so each column reads down in the order of the list.
        let perColumn = (inspector.entries.count + columns - 1) / columns
        for (index, entry) in inspector.entries.enumerated() {
            let (column, row) = (index / perColumn, index % perColumn)
            guard row < rows, column < columns else { continue }
            let x = rect.column + column * cellWidth
            let y = rect.row + 1 + row
            put(entry.name, row: y, column: x, width: cellWidth, style: .offset, on: &screen)
            put(entry.value, row: y, column: x + 9, width: cellWidth - 10, style: .plain, on: &screen)
        }
    }

    static func drawStructure(
        _ structure: PanelContent.Structure, in rect: PanelArrangement.Rect, changed: Set<String>, offsetDigits: Int,
        on screen: inout Screen
    ) {
        title("\(structure.title) at 0x\(Hex.number(structure.offset, width: offsetDigits))", in: rect, on: &screen)
        let rows = rect.height - 1
        if let problem = structure.problem {
            put(problem, row: rect.row + 1, column: rect.column, width: rect.width, style: .error, on: &screen)
            return
        }
        let fields = structure.fields
        guard rows > 0, !fields.isEmpty else { return }
        let offsetWidth = fields.map(\.offset.utf8.count).max() ?? 0
        let nameWidth = min(fields.map(\.name.utf8.count).max() ?? 0, max(8, rect.width / 3))
        let typeWidth = fields.map(\.type.utf8.count).max() ?? 0
        let shown = fields.count <= rows ? fields.count : rows - 1
        for (index, field) in fields.prefix(shown).enumerated() {
            let y = rect.row + 1 + index
            var x = rect.column
            let end = rect.column + rect.width
            put(field.offset, row: y, column: x, width: end - x, style: .offset, on: &screen)
            x += offsetWidth + 1
            put(field.name, row: y, column: x, width: min(nameWidth, end - x), style: .plain, on: &screen)
            x += nameWidth + 1
            put(field.type, row: y, column: x, width: end - x, style: .offset, on: &screen)
            x += typeWidth + 1
            let style: Style = changed.contains(field.name) ? .changed : .plain
            put(field.value, row: y, column: x, width: end - x, style: style, on: &screen)
        }
        if shown < fields.count {
            let more = fields.count - shown
            put(
                "... \(more) more field\(more == 1 ? "" : "s") (a taller terminal shows them)", row: rect.row + rows,
                column: rect.column, width: rect.width, style: .message, on: &screen)
        }
    }
}
