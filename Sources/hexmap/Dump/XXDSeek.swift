/// `-s [+][-]OFFSET`: where reading starts (or, with `-r`, what is added to the dump's offsets).
struct XXDSeek: Equatable, Sendable {
    /// The number after the signs, read like `strtol` (so it may itself be negative: `-s --5`).
    var offset: Int
    /// `+`: relative to the input's current position (xxd's form for a pipe already partly read).
    var isRelative: Bool
    /// `-`: counted back from the end of the input.
    var isFromEnd: Bool

    init(offset: Int, isRelative: Bool = false, isFromEnd: Bool = false) {
        self.offset = offset
        self.isRelative = isRelative
        self.isFromEnd = isFromEnd
    }

    init(_ text: Substring) {
        var rest = text
        isRelative = rest.hasPrefix("+")
        if isRelative { rest = rest.dropFirst() }
        isFromEnd = rest.hasPrefix("-")
        if isFromEnd { rest = rest.dropFirst() }
        offset = XXDNumber.long(rest)
    }

    /// The signed amount xxd moves by: `-offset` when counting from the end.
    var signedOffset: Int { isFromEnd ? 0 &- offset : offset }
}
