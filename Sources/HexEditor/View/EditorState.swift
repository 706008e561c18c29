import IOMMap

/// The interactive editor without a terminal: cursor, pane, mode, viewport,
/// the `:` and `/` lines, and the message. Keys go in through `handle(_:)`,
/// frames come out of `frame(width:height:)`, so tests drive it with key
/// sequences and compare screens.
///
/// Every edit goes through the `Document` (and so into its undo journal);
/// every `:` command goes through the same `CommandInterpreter` scripts use.
public final class EditorState {
    public let document: Document
    let interpreter: CommandInterpreter

    /// The byte under the cursor; 0 in an empty file.
    public internal(set) var cursor = 0
    public internal(set) var pane: Pane = .hex
    public internal(set) var mode: EditorMode = .normal
    /// Offset of the first byte shown (always at a row start).
    public internal(set) var top = 0
    /// The terminal size the next frame and page motions use.
    public private(set) var width: Int
    public private(set) var height: Int

    /// `:set columns=N`; nil lets the layout fit the width.
    var requestedColumns: Int?
    /// `:follow on`: the live view keeps the end of a growing file in sight.
    public internal(set) var following = false
    /// The live view's hook: when set, bytes that differ from the previous
    /// frame are shown as changed.
    public var highlightsChanges = false
    /// The live view (Live/): change highlight, file watcher, file fate.
    public let live = LiveView()
    /// The inspector and struct panels (View/Panels/).
    let panels = PanelState()

    /// The high nibble typed in overwrite or replace mode, not yet written.
    var pendingHighNibble: UInt8?
    var message: StatusInfo.Message?
    var input = LineInput()
    var commandHistory = CommandHistory()
    /// Where the `:` line's history lives across sessions (the REPL shares it); nil in tests.
    /// It is read when the `:` line first opens, not at start-up.
    public var historyFile: HistoryFile? {
        didSet { historyLoaded = false }
    }
    var historyLoaded = false
    var searchHistory = CommandHistory()
    var lastSearch: BytePattern?
    /// The direction of the last `/` (false) or `?` (true): `n` repeats it, `N` reverses it.
    var lastSearchBackward = false
    /// Which line is being typed: `/` (forward) or `?` (backward).
    var searchLineBackward = false
    /// The search under way, if any (see `SearchRun`).
    var searchRun: SearchRun?
    var pager: Pager?
    /// The user ran `:advise`: from then on the editor leaves the advice alone.
    var userChoseAdvice = false
    /// The last `:q!` could not roll the edits back; a second `:q!` quits anyway.
    var forcedQuitFailed = false
    /// The history file's write problem has been shown once.
    var warnedAboutHistory = false
    /// `v` or a drag: where the selection started (Selection/); nil when nothing is selected.
    var selection: Selection?
    /// `m` or `'`, waiting for the letter of a mark.
    var pendingMarkKey: Character?
    /// The byte a mouse press landed on, until the button comes up: a drag selects from it.
    var dragOrigin: Int?
    /// `:set colors`: bytes coloured by class. The terminal backend turns it off for NO_COLOR.
    public var showsByteClasses = true
    /// `:set mouse`: while on, the terminal backend reports mouse events to the editor.
    public internal(set) var mouseEnabled = true
    /// Text a yank asked to put on the system clipboard, until the backend takes it.
    var clipboardRequest: String?

    public init(document: Document, width: Int = 80, height: Int = 24) {
        self.document = document
        self.interpreter = CommandInterpreter(document: document)
        self.width = width
        self.height = height
        if let summary = document.recoverySummary {
            let name = Formatting.fileName(of: document.path)
            message = .init("\(name): \(summary): :recover rollback or :recover keep", isError: true)
        } else if let notice = document.readOnlyNotice ?? document.recoveryWarning {
            message = .init(notice)
        }
        adviseRandomAccess()
    }

    /// A person jumps around; the kernel's readahead (128 KiB a fault) would
    /// fill resident memory with pages nobody looks at. Best effort: a failure
    /// only costs memory, so it is not reported.
    func adviseRandomAccess() {
        guard !userChoseAdvice else { return }
        let size = document.size
        guard size > 0 else { return }
        try? document.advise(.random, offset: 0, count: size)
    }

    /// Runs a scan over the file (search, print) with readahead on, then goes
    /// back to random access, unless the user gave their own `:advise`.
    func withSequentialAccess<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        let size = document.size
        if !userChoseAdvice && size > 0 { try? document.advise(.sequential, offset: 0, count: size) }
        defer { adviseRandomAccess() }
        return try body()
    }

    /// The layout for the current terminal size and file size; nil when the terminal is too small.
    public var layout: Layout? {
        panelArrangement.layout
    }

    /// The message line's text (for tests and the terminal title), if any.
    public var messageText: String? { message?.text }
    public var messageIsError: Bool { message?.isError ?? false }

    /// Records the terminal size; motions use it from now on.
    public func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Handles one key and says what the event loop should do next.
    @discardableResult
    public func handle(_ key: Key) -> EditorAction {
        if key == .resize { return .none }
        if isSearching {
            // Only Esc and Ctrl-C mean something while a search runs: they stop it.
            if key == .escape || key == .control("c") { cancelSearch() }
            return .none
        }
        liveViewWillHandleKey()
        switch mode {
        case .normal: return handleNormal(key)
        case .overwrite: handleOverwrite(key)
        case .replaceByte: handleReplaceByte(key)
        case .commandLine: return handleCommandLine(key)
        case .search: handleSearchLine(key)
        case .pager: handlePager(key)
        }
        return .none
    }

    /// Handles keys in order, stopping at a quit; returns the last action.
    @discardableResult
    public func handle(_ keys: [Key]) -> EditorAction {
        for key in keys where handle(key) == .quit { return .quit }
        return .none
    }

    /// Renders the current state at the given terminal size.
    public func frame(width: Int, height: Int) -> Screen {
        resize(width: width, height: height)
        if mode == .pager, let pager {
            return Renderer.renderPager(
                title: pager.title, lines: pager.lines, top: pager.top, width: width, height: height,
                status: StatusInfo(fileName: "", fileSize: 0, access: ""))
        }
        guard let layout else {
            return Renderer.renderTooSmall(width: width, height: height, fileSize: document.size)
        }
        clampCursor()
        scrollToCursor(layout)
        let frame = liveFrameBytes(layout)
        let panelFrame = panelFrame(frame)
        let changed = recordLiveFrame(frame)
        let view = Renderer.HexView(
            layout: layout, frame: frame, changedOffsets: changed,
            fileSize: document.size, cursor: cursor, pane: pane, pendingHighNibble: pendingHighNibble,
            selection: selectedBytes, byteClasses: showsByteClasses,
            status: statusInfo)
        var screen = Renderer.render(view)
        drawPanels(panelFrame, on: &screen)
        return screen
    }

    /// The one read of the frame: only the visible bytes, copied out of the mapping.
    func readVisibleBytes(_ layout: Layout) -> FrameBytes {
        let count = min(layout.bytesPerPage, max(0, document.size - top))
        guard count > 0 else { return FrameBytes(offset: top, bytes: []) }
        do {
            return FrameBytes(offset: top, bytes: try document.read(at: top, count: count))
        } catch {
            // The file shrank under the mapping: show what the error says and
            // the bytes that are still there after a refresh, never stale ones.
            show(error)
            _ = try? document.refresh()
            clampCursor()
            let remaining = min(layout.bytesPerPage, max(0, document.size - top))
            let bytes = (try? document.read(at: top, count: remaining)) ?? []
            return FrameBytes(offset: top, bytes: bytes)
        }
    }

    var statusInfo: StatusInfo {
        var access = document.isReadOnly ? "ro" : "rw"
        if document.isPrivate { access += " private" }
        var banner: String?
        switch mode {
        case .overwrite: banner = "-- OVERWRITE --  (Esc to leave)"
        case .replaceByte:
            banner = pane == .hex ? "-- REPLACE: type two hex digits --" : "-- REPLACE: type a character --"
        default:
            banner = selection == nil ? nil : "-- VISUAL --  (y yanks, : commands take it as their range, Esc ends)"
        }
        var inputLine: StatusInfo.InputLine?
        if mode == .commandLine || mode == .search {
            let prompt: Character = mode == .commandLine ? ":" : searchLineBackward ? "?" : "/"
            inputLine = .init(prompt: prompt, text: input.text, cursor: input.cursor)
        }
        return StatusInfo(
            fileName: Formatting.fileName(of: document.path), fileSize: document.size, access: access,
            unsyncedEdits: document.unsyncedEdits, following: following, selection: selectionStatus,
            modeBanner: banner, message: message,
            input: inputLine,
            live: Formatting.fields([searchRun.map { "searching \($0.percent)%" }, liveStatusText]).nilIfEmpty)
    }

    /// Shows an error on the message line; returns true (the screen changed).
    @discardableResult
    func show(_ error: EditorError) -> Bool {
        message = .init(error.message, isError: true)
        return true
    }

    /// Keeps the cursor on a byte of the file (0 when it is empty).
    func clampCursor() {
        let size = document.size
        cursor = size == 0 ? 0 : min(max(cursor, 0), size - 1)
        selection = selection?.clamped(to: size)
    }

    /// Moves the viewport just enough to show the cursor, aligned to rows, and
    /// never past the point where the last row sits at the bottom.
    func scrollToCursor(_ layout: Layout) {
        let perRow = layout.bytesPerRow
        let cursorRowStart = cursor - cursor % perRow
        top -= top % perRow
        if cursorRowStart < top {
            top = cursorRowStart
        } else if cursorRowStart >= top + layout.bytesPerPage {
            top = cursorRowStart - (layout.dataRows - 1) * perRow
        }
        let lastRowStart = max(0, document.size - 1) / perRow * perRow
        let maxTop = max(0, lastRowStart - (layout.dataRows - 1) * perRow)
        top = max(0, min(top, maxTop))
    }
}

extension String {
    /// Nil for the empty string: an item the status line leaves out.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
