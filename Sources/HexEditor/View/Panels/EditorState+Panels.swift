/// The panels in the editor: `I` and `:set inspector`, `:struct` and `:struct off`, what a
/// frame reads for them, and the live view's part (another process's writes under a panel).
///
/// A frame's panels take their bytes from the frame's one read of the visible bytes; what
/// lies off screen (the inspector's last bytes past the bottom row, a struct elsewhere in the
/// file) costs one more read of a window per panel, never one per field (`ByteWindows`).
extension EditorState {
    /// The panes' layout and the panels' places for the current terminal and panels.
    var panelArrangement: PanelArrangement {
        PanelArrangement.arrange(
            width: width, height: height, fileSize: document.size, requestedColumns: requestedColumns,
            inspector: panels.inspectorOn, structFields: panels.structPanel?.definition.fields.count)
    }

    /// Whether the inspector panel is on (for tests and the terminal backend).
    public var inspectorIsOn: Bool { panels.inspectorOn }

    /// The struct panel's title and offset, when one is open.
    public var structPanelOffset: Int? { panels.structPanel?.offset }

    /// `I`: the inspector on or off.
    func toggleInspector() {
        panels.inspectorOn.toggle()
        message = .init(panels.inspectorOn ? "inspector on (I or :set inspector off hides it)" : "inspector off")
    }

    /// Carries out what `set inspector` and `struct` asked; true when the command's output is
    /// shown in a panel (so no pager opens for it).
    func applyPanelEffects(_ effects: CommandEffects) -> Bool {
        if let on = effects.inspector { panels.inspectorOn = on }
        switch effects.structPanel {
        case .open(let title, let definition, let offset):
            panels.structPanel = PanelState.StructPanel(title: title, definition: definition, offset: offset)
            return true
        case .close:
            panels.structPanel = nil
            return false
        case nil:
            return false
        }
    }

    /// What the panels show, and the changed fields to highlight, for one frame.
    struct PanelFrame {
        var content: PanelContent
        var changedFields: Set<String>
    }

    /// The panels' content for the frame whose visible bytes are `frame` (and any windows a
    /// live tick read for it); feeds the struct panel's change highlight.
    func panelFrame(_ frame: FrameBytes) -> PanelFrame {
        guard !panels.isEmpty else {
            panels.shown = nil
            return PanelFrame(content: PanelContent(), changedFields: [])
        }
        let (content, _, inputs) = panelContent(windows: [frame] + panels.pendingWindows)
        panels.pendingWindows = []
        panels.shown = content
        panels.shownInputs = inputs
        var changed: Set<String> = []
        if highlightsChanges, let panel = panels.structPanel, let structure = content.structure {
            let now = live.now()
            panels.fieldTracker.observe(
                key: panel.key, fields: structure.fields.map { ($0.name, $0.value) }, at: now, marking: !live.keyPending
            )
            changed = panels.fieldTracker.highlighted(at: now)
        }
        return PanelFrame(content: content, changedFields: changed)
    }

    func drawPanels(_ frame: PanelFrame, on screen: inout Screen) {
        guard !panels.isEmpty, let layout else { return }
        PanelRenderer.draw(
            frame.content, in: panelArrangement, changedFields: frame.changedFields, offsetDigits: layout.offsetDigits,
            on: &screen)
    }

    /// Computes the panels from `windows` (read more only for what they lack); returns the
    /// windows it had to read and what the content was made from.
    func panelContent(windows: [FrameBytes]) -> (PanelContent, reads: [FrameBytes], inputs: PanelState.Inputs?) {
        let size = document.size
        var bytes = ByteWindows(document: document, fileSize: size, windows: windows)
        var content = PanelContent()
        let at = min(cursor, size)
        var needs: [Range<Int>] = []
        if panels.inspectorOn { needs.append(at..<(at + Inspection.window)) }
        if let panel = panels.structPanel, panel.offset < size {
            needs.append(
                panel.offset..<(panel.offset + min(max(1, panel.definition.fixedPrefixSize), size - panel.offset)))
        }
        try? bytes.prefetch(needs)
        if panels.inspectorOn {
            let window = (try? bytes.bytes(at: at, count: Inspection.window)) ?? []
            let inspection = Inspection(offset: at, bytes: window)
            content.inspector = .init(
                offset: at, entries: inspection.entries.map { .init(name: $0.name, value: $0.value.panelText) })
        }
        if let panel = panels.structPanel {
            var structure = PanelContent.Structure(title: panel.title, offset: panel.offset, fields: [])
            do {
                let evaluation = try StructEvaluation(panel.definition, at: panel.offset, bytes: &bytes)
                structure.fields = evaluation.fields.map { field in
                    .init(
                        offset: field.offset.map(hex) ?? "-", name: field.name, type: field.type,
                        value: field.value.panelText)
                }
            } catch {
                structure.problem = error.message
            }
            content.structure = structure
        }
        let ranges = bytes.touched
        let inputs = (try? bytes.contents(of: ranges)).map {
            PanelState.Inputs(panels: panels.identity, cursor: at, size: size, ranges: ranges, bytes: $0)
        }
        return (content, bytes.reads, inputs)
    }

    /// Whether the panels would show what they show now: the same panels, cursor and size,
    /// and the same bytes in every range they looked at (read again, one read for all when
    /// they lie close together; nothing is formatted).
    func panelsUnchanged(windows: [FrameBytes]) -> Bool {
        let size = document.size
        guard let inputs = panels.shownInputs, inputs.panels == panels.identity, inputs.cursor == min(cursor, size),
            inputs.size == size
        else { return false }
        var bytes = ByteWindows(document: document, fileSize: size, windows: windows)
        guard (try? bytes.prefetch(inputs.ranges)) != nil, let current = try? bytes.contents(of: inputs.ranges) else {
            return false
        }
        return current == inputs.bytes
    }

    /// A live tick's look at the panels: true when what they would show changed (another
    /// process wrote under them) or a field's highlight faded. The windows it read are kept
    /// for the frame that follows.
    func panelsNeedFrame(visible: FrameBytes) -> Bool {
        guard !panels.isEmpty else { return false }
        var needed = false
        if !panelsUnchanged(windows: [visible]) {
            let (content, reads, _) = panelContent(windows: [visible])
            if content != panels.shown {
                panels.pendingWindows = reads
                needed = true
            }
        }
        if panels.fieldTracker.hasFaded(since: live.drawnAt, at: live.now()) { needed = true }
        return needed
    }

    /// Before a key: what a tick read may be stale after it, and a struct field another
    /// process changed up to now is marked before the key's own edit can hide it.
    func panelsWillHandleKey() {
        panels.pendingWindows = []
        guard highlightsChanges, !live.keyPending, mode != .pager, let panel = panels.structPanel, panels.shown != nil,
            !panelsUnchanged(windows: [])
        else { return }
        let (content, _, _) = panelContent(windows: [])
        guard let structure = content.structure else { return }
        panels.fieldTracker.observe(
            key: panel.key, fields: structure.fields.map { ($0.name, $0.value) }, at: live.now(), marking: true)
    }
}

extension EditorState {
    /// Shows the first definition file that could not be loaded (start-up), unless a notice
    /// such as "read-only" is already on the message line.
    public func reportStructProblems(_ problems: [StructLibrary.Problem]) {
        guard message == nil, let first = problems.first else { return }
        let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
        message = .init("struct definition left out: \(first)\(more)", isError: true)
    }
}
