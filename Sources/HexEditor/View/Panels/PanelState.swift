/// The editor's panels beside or below the hex and text panes: the inspector (`I`,
/// `:set inspector on|off`) and the struct panel (`:struct …`, closed by `:struct off`).
final class PanelState {
    /// A struct pinned to an offset: it stays there while the cursor moves.
    struct StructPanel: Equatable {
        var title: String
        var definition: StructDefinition
        var offset: Int

        /// What its values belong to, for the change highlight.
        var key: String { "\(title) \(definition.text) @\(offset)" }
    }

    var inspectorOn = false
    var structPanel: StructPanel?
    var fieldTracker = FieldChangeTracker()
    /// What the last frame's panels showed (a live tick compares with it).
    var shown: PanelContent?
    /// Windows a live tick read for the next frame, so that frame reads nothing again.
    var pendingWindows: [FrameBytes] = []

    var isEmpty: Bool { !inspectorOn && structPanel == nil }
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
