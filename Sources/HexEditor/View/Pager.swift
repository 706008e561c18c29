/// A full screen of text (help, multi-line output) scrolled with j/k and PgUp/PgDn.
struct Pager: Equatable {
    var title: String
    var lines: [String]
    var top = 0

    /// Scrolls by `delta` lines, keeping the last page full.
    mutating func scroll(by delta: Int, pageRows: Int) {
        let maxTop = max(0, lines.count - max(1, pageRows))
        top = min(max(0, top + delta), maxTop)
    }
}
