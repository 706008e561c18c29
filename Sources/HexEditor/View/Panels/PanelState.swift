/// The editor's panels beside or below the hex and text panes: the inspector (`I`,
/// `:set inspector on|off`) and the struct panel (`:struct …`, closed by `:struct off`).
final class PanelState {
    /// A struct pinned to an offset: it stays there while the cursor moves.
    struct StructPanel: Equatable {
        let title: String
        let definition: StructDefinition
        let offset: Int
        /// What its values belong to, for the change highlight.
        let key: String

        init(title: String, definition: StructDefinition, offset: Int) {
            self.title = title
            self.definition = definition
            self.offset = offset
            key = "\(title) \(definition.text) @\(offset)"
        }
    }

    /// What the panels' content was made from: which panels, the cursor, the size, and the
    /// bytes of every range they looked at. A live tick or a key compares bytes with it, and
    /// formats values again only when they differ.
    struct Inputs: Equatable {
        var panels: String
        var cursor: Int
        var size: Int
        var ranges: [Range<Int>]
        var bytes: [UInt8]
    }

    var inspectorOn = false
    var structPanel: StructPanel?
    var fieldTracker = FieldChangeTracker()
    /// What the last frame's panels showed, and what from.
    var shown: PanelContent?
    var shownInputs: Inputs?
    /// Windows a live tick read for the next frame, so that frame reads nothing again.
    var pendingWindows: [FrameBytes] = []

    var isEmpty: Bool { !inspectorOn && structPanel == nil }

    /// Which panels are open, as `Inputs.panels` records it.
    var identity: String { "\(inspectorOn) \(structPanel?.key ?? "")" }
}

/// What the panels show in one frame, as text (the inspector's values, the struct's lines).
struct PanelContent: Equatable {
    struct Entry: Equatable {
        var name: String
        var value: String
    }

    struct FieldLine: Equatable {
        var offset: String
        var name: String
        var type: String
        var value: String
    }

    struct Inspector: Equatable {
        var offset: Int
        var entries: [Entry]
    }

    struct Structure: Equatable {
        var title: String
        var offset: Int
        var fields: [FieldLine]
        /// Why there are no fields (the bytes could not be read).
        var problem: String?
    }

    var inspector: Inspector?
    var structure: Structure?
}
