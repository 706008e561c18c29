/// Where the panels go on a terminal of a given size, and the layout the hex and text panes
/// keep: beside the panes when the terminal is wide (the panes keep 16 bytes a row) and tall
/// enough, otherwise below them, the inspector as a grid of as many columns as fit. On an
/// 80x24 terminal the panels go below, and the panes keep at least `minimumHexRows` rows.
struct PanelArrangement: Equatable {
    struct Rect: Equatable {
        var row: Int
        var column: Int
        var width: Int
        var height: Int
    }

    /// The panes' layout (nil when the terminal is too small for any).
    var layout: Layout?
    var inspector: Rect?
    /// The inspector's columns of entries (1 beside the panes).
    var inspectorColumns = 1
    var structure: Rect?

    /// The narrowest a panel beside the panes may be: a name and a 26-character value.
    static let sideMinimumWidth = 36
    /// One column of the inspector's grid below the panes.
    static let gridColumnWidth = 40
    static let minimumHexRows = 4
    /// A title row, then one row a name.
    static let inspectorRows = 1 + Inspection.names.count

    static func arrange(
        width: Int, height: Int, fileSize: Int, requestedColumns: Int?, inspector: Bool, structFields: Int?
    ) -> PanelArrangement {
        let plain = Layout(width: width, height: height, fileSize: fileSize, requestedColumns: requestedColumns)
        guard let plain, inspector || structFields != nil else { return PanelArrangement(layout: plain) }
        let structRows = structFields.map { 1 + max(1, $0) }
        if let beside = Layout(
            width: width, height: height, fileSize: fileSize, requestedColumns: requestedColumns,
            reservedColumns: sideMinimumWidth + 1),
            beside.bytesPerRow >= min(16, plain.bytesPerRow), beside.requestedColumnsFit == plain.requestedColumnsFit,
            beside.dataRows >= (inspector ? inspectorRows : 0) + (structRows != nil ? 2 : 0)
                + (inspector && structRows != nil ? 1 : 0)
        {
            var arrangement = PanelArrangement(layout: beside)
            let column = beside.rowWidth + 1
            let side = width - column
            var row = 0
            if inspector {
                arrangement.inspector = Rect(row: 0, column: column, width: side, height: inspectorRows)
                row = inspectorRows + 1
            }
            if let structRows {
                arrangement.structure = Rect(
                    row: row, column: column, width: side, height: min(structRows, beside.dataRows - row))
            }
            return arrangement
        }
        // Below the panes, each panel as many rows as it needs and as are left.
        let budget = plain.dataRows - minimumHexRows
        let columns = max(1, width / gridColumnWidth)
        var inspectorHeight = inspector ? 1 + (Inspection.names.count + columns - 1) / columns : 0
        if inspectorHeight > budget { inspectorHeight = budget >= 2 ? budget : 0 }
        var structHeight = min(structRows ?? 0, budget - inspectorHeight)
        if structHeight < 2 { structHeight = 0 }
        guard inspectorHeight + structHeight > 0,
            let below = Layout(
                width: width, height: height, fileSize: fileSize, requestedColumns: requestedColumns,
                reservedRows: inspectorHeight + structHeight)
        else { return PanelArrangement(layout: plain) }
        var arrangement = PanelArrangement(layout: below, inspectorColumns: columns)
        if inspectorHeight > 0 {
            arrangement.inspector = Rect(row: below.dataRows, column: 0, width: width, height: inspectorHeight)
        }
        if structHeight > 0 {
            arrangement.structure = Rect(
                row: below.dataRows + inspectorHeight, column: 0, width: width, height: structHeight)
        }
        return arrangement
    }
}
