/// Which byte a screen cell shows: how a click or a drag finds its byte.
extension Layout {
    /// The byte (counted from the first visible one) and the pane at (`row`, `column`); nil
    /// outside the data rows and off both panes (the offset column, the bars). The space
    /// after a hex pair belongs to its byte, so a click between pairs lands on the left one.
    public func byte(atRow row: Int, column: Int) -> (index: Int, pane: Pane)? {
        guard (0..<dataRows).contains(row) else { return nil }
        let rowStart = row * bytesPerRow
        let firstHex = hexColumn(ofByte: 0)
        if column >= firstHex && column < textPaneBar - 1 {
            // Each group is 3 columns a byte, plus one more space between groups.
            let groupWidth = 3 * groupSize + 1
            let group = (column - firstHex) / groupWidth
            let within = min((column - firstHex) % groupWidth / 3, groupSize - 1)
            let index = min(group * groupSize + within, bytesPerRow - 1)
            return (rowStart + index, .hex)
        }
        let firstText = textColumn(ofByte: 0)
        if column >= firstText && column < firstText + bytesPerRow {
            return (rowStart + column - firstText, .text)
        }
        return nil
    }
}
