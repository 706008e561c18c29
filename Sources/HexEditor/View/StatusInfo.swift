/// Everything the status line and message line show about the editor's state.
public struct StatusInfo: Equatable, Sendable {
    /// One-line message under the status line; errors show in red.
    public struct Message: Equatable, Sendable {
        public var text: String
        public var isError: Bool

        public init(_ text: String, isError: Bool = false) {
            self.text = text
            self.isError = isError
        }
    }

    /// The line being typed after `:` or `/`.
    public struct InputLine: Equatable, Sendable {
        public var prompt: Character
        public var text: String
        /// Insertion point, in characters from the start of `text`.
        public var cursor: Int

        public init(prompt: Character, text: String, cursor: Int) {
            self.prompt = prompt
            self.text = text
            self.cursor = cursor
        }
    }

    public var fileName: String
    public var fileSize: Int
    /// `rw`, `ro` or `private`.
    public var access: String
    public var unsyncedEdits: Int
    public var following: Bool
    /// `sel 0x10-0x1f (16 bytes)` while bytes are selected.
    public var selection: String?
    /// A mode shown vim-style on the message line when nothing else is there: `-- OVERWRITE --`.
    public var modeBanner: String?
    public var message: Message?
    public var input: InputLine?
    /// The live view's item: `12 changed`, `DELETED`, `REPLACED`.
    public var live: String?

    public init(
        fileName: String, fileSize: Int, access: String, unsyncedEdits: Int = 0, following: Bool = false,
        selection: String? = nil, modeBanner: String? = nil, message: Message? = nil, input: InputLine? = nil,
        live: String? = nil
    ) {
        self.fileName = fileName
        self.fileSize = fileSize
        self.access = access
        self.unsyncedEdits = unsyncedEdits
        self.following = following
        self.selection = selection
        self.modeBanner = modeBanner
        self.message = message
        self.input = input
        self.live = live
    }
}
