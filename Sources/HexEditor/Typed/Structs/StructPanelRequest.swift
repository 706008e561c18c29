/// What `struct` asks of the editor: open its panel, pinned to an offset, or close it.
public enum StructPanelRequest: Equatable, Sendable {
    /// `title` is the definition's name, or `struct` for FIELDS given inline.
    case open(title: String, definition: StructDefinition, offset: Int)
    case close
}
