import CEditLine
import HexEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The REPL's lines from a person at a terminal, through libedit: the prompt `hexmap> `,
/// emacs keys (arrows, Ctrl-A/E/K/W), history with Up/Down and Ctrl-R kept in the state
/// directory's history file, and Tab completion from the command table.
public final class EditLineInput: ReplInput {
    private let editor: OpaquePointer
    private let history: OpaquePointer?
    private let historyFile: HistoryFile
    private let warn: (String) -> Void
    private var warnedAboutHistory = false

    /// Nil when libedit cannot start on this terminal. `warn` reports a history that cannot
    /// be written (once).
    public init?(historyFile: HistoryFile = HistoryFile(), warn: @escaping (String) -> Void) {
        guard let editor = hm_el_init("hexmap") else { return nil }
        self.editor = editor
        self.historyFile = historyFile
        self.warn = warn
        history = hm_history_new(Int32(HistoryFile.limit))
        hm_el_set_editor(editor, "emacs")
        EditLineReader.install(on: editor)
        hm_el_set_prompt(editor, replPrompt)
        if let history {
            hm_el_set_history(editor, history)
            for line in historyFile.load() { hm_history_enter(history, line) }
        }
        hm_el_add_function(editor, "hexmap-complete", "complete a command, keyword or setting", completeWord)
        hm_el_bind(editor, "^I", "hexmap-complete")
        hm_el_bind(editor, "^R", "em-inc-search-prev")
        hm_el_bind(editor, "^W", "ed-delete-prev-word")
    }

    deinit {
        if let history { history_end(history) }
        el_end(editor)
    }

    public var isTerminal: Bool { true }

    public func nextLine() -> ReplLine {
        var count: Int32 = 0
        var read = el_gets(editor, &count)
        // Back from Ctrl-Z: a fresh el_gets puts the terminal back into editing mode.
        while read == nil, EditLineReader.restart.exchange(false, ordering: .relaxed) {
            read = el_gets(editor, &count)
        }
        guard let line = read, count > 0 else {
            // A signal ended the read: Ctrl-C cancels the line; the REPL looks at the others.
            if SignalStop.request.isRequested {
                if SignalStop.request.signal == SIGINT { hm_el_print("^C\n") }
                el_reset(editor)
                return .cancelled
            }
            hm_el_print("\n")
            return .end
        }
        var bytes: [UInt8] = []
        var cursor = line
        while cursor.pointee != 0 {
            bytes.append(UInt8(bitPattern: cursor.pointee))
            cursor += 1
        }
        if bytes.last == 0x0A { bytes.removeLast() }
        remember(bytes)
        return .line(bytes)
    }

    /// Puts a line in the history (libedit's, for Up and Ctrl-R, and the file's).
    private func remember(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard !text.allSatisfy(\.isWhitespace) else { return }
        if let history { hm_history_enter(history, text) }
        historyFile.append(text)
        if let problem = historyFile.writeProblem, !warnedAboutHistory {
            warnedAboutHistory = true
            warn("warning: \(problem)")
        }
    }
}

private func replPrompt(_ editor: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
    promptText
}

/// libedit keeps the pointer the prompt function returns: it must live for the whole run.
nonisolated(unsafe) private let promptText: UnsafeMutablePointer<CChar> = strdup("hexmap> ")!

/// Tab: completes the word before the cursor from the command table; several candidates are
/// extended as far as they agree, then listed under the line.
private func completeWord(_ editor: OpaquePointer?, _ key: Int32) -> UInt8 {
    guard let editor, let info = el_line(editor) else { return UInt8(CC_ERROR) }
    let length = info.pointee.cursor - info.pointee.buffer
    let before = String(
        decoding: UnsafeRawBufferPointer(start: info.pointee.buffer, count: length).bindMemory(to: UInt8.self),
        as: UTF8.self)
    let (start, candidates) = CommandCompletion.candidates(for: before)
    guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
    let typed = String(before.dropFirst(start))
    var completion = CommandCompletion.commonPrefix(candidates)
    if candidates.count == 1 && !completion.hasSuffix("=") { completion += " " }
    if completion.count > typed.count {
        el_insertstr(editor, String(completion.dropFirst(typed.count)))
        return UInt8(CC_REFRESH)
    }
    hm_el_print("\n" + candidates.joined(separator: "  ") + "\n")
    return UInt8(CC_REDISPLAY)
}
