/// What running a command asks of whoever runs it: the editor moves its cursor and shows the
/// message; the script runner has already streamed `output` and ignores the rest.
public struct CommandEffects: Sendable, Equatable {
    /// Move the cursor here (goto, an edit's offset, a match, an undo position).
    public var cursor: Int?
    /// One-line status message for the interactive status line ("synced", "0x1f").
    public var message: String?
    /// Lines for stdout (headless) or a pager (interactive): print, find, info, help.
    /// Empty when the interpreter streams its output to a sink instead.
    public var output: [String]
    /// Quit, already validated (see `QuitRequest`).
    public var quit: QuitRequest?
    /// `set columns=N` (`.some(nil)` is automatic).
    public var columns: Int??
    /// `help`: show the help screen.
    public var showHelp: Bool
    /// `follow on|off`.
    public var follow: Bool?
    /// The command took its range from the selection (see `SelectionUse`): the editor ends it.
    public var usedSelection = false
    /// `yank` with `set clipboard on`: text for the system clipboard (the terminal backend
    /// sends it as OSC 52; headless there is no terminal and it is dropped).
    public var clipboard: String?
    /// `set colors on|off`: colour bytes by class.
    public var colors: Bool?
    /// `set mouse on|off`: clicks, drags and the wheel go to the editor, or to the terminal.
    public var mouse: Bool?
    /// `advise`: the user chose the access advice, so the editor stops choosing it.
    public var choseAdvice = false
    /// `set inspector on|off`.
    public var inspector: Bool?
    /// `struct`: open the editor's struct panel, or close it (`struct off`).
    public var structPanel: StructPanelRequest?

    public init(
        cursor: Int? = nil, message: String? = nil, output: [String] = [], quit: QuitRequest? = nil,
        columns: Int?? = nil, showHelp: Bool = false, follow: Bool? = nil
    ) {
        self.cursor = cursor
        self.message = message
        self.output = output
        self.quit = quit
        self.columns = columns
        self.showHelp = showHelp
        self.follow = follow
    }
}

/// What a command needs to know about its caller.
public struct CommandContext {
    /// The cursor: the default offset of `print` and `find`, the base of `goto +N`.
    public var cursor: Int
    /// Write `print`, `find` and `info` as one JSON object a line.
    public var json: Bool
    /// The editor's selection, if any: the range of commands that may leave theirs out.
    public var selection: Range<Int>?

    public init(cursor: Int, json: Bool = false, selection: Range<Int>? = nil) {
        self.cursor = cursor
        self.json = json
        self.selection = selection
    }
}

/// Where the interpreter streams output when it runs headless: the whole text, newlines
/// included, in chunks of whole lines, so a print over gigabytes never piles up in memory.
public protocol OutputSink: AnyObject {
    func write(_ bytes: [UInt8]) throws(EditorError)
    /// Pushes out whatever the sink still buffers.
    func flush() throws(EditorError)
}

/// A syntax error, at a 1-based line and column (columns count characters).
public struct ParseError: Error, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
}
