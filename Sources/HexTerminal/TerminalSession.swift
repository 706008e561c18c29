import CNcurses
import HexEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why no terminal session could start.
public struct TerminalUnavailable: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { "no usable terminal: \(reason)" }
}

/// One ncurses session on the user's terminal.
///
/// Opens with `newterm` (on stdin/stdout when both are a terminal, else on
/// /dev/tty), sets the modes a modal editor needs, and restores the terminal
/// in `end()`; signal handlers restore it when the process is killed.
final class TerminalSession {
    private let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    let useColor: Bool
    /// The background colour of unhighlighted cells: -1 is the terminal's own.
    let defaultBackground: Int16
    private let input: UnsafeMutablePointer<FILE>
    /// The terminal's output stream (ncurses writes here; so does `copyToClipboard`).
    let output: UnsafeMutablePointer<FILE>
    private var ended = false
    /// Whether mouse events are reported to us (only `setMouse` changes it).
    var mouseEnabled = false
    /// Keys decoded but not handed out yet (mouse reports that came in a burst).
    private var queuedKeys: [Key] = []

    /// How long a wait for a key lasts before reporting none, so the editor can tick.
    static let tickMilliseconds: Int32 = 50
    /// Esc must act at once in a modal editor; ncurses waits a full second by default.
    static let escapeDelayMilliseconds: Int32 = 25

    init() throws(TerminalUnavailable) {
        hm_unblock_terminal_signals()
        guard let term = getenv("TERM"), term.pointee != 0 else {
            throw TerminalUnavailable(reason: "TERM is not set")
        }
        // A dumb terminal cannot move the cursor: ncurses would draw garbage line after line.
        if String(cString: term) == "dumb" {
            throw TerminalUnavailable(
                reason: "TERM=dumb cannot show a full-screen editor (run commands without one with -c or -s)")
        }
        let streams = try TerminalSession.openStreams()
        guard let screen = newterm(term, streams.output, streams.input) else {
            fclose(streams.input)
            fclose(streams.output)
            throw TerminalUnavailable(reason: "ncurses cannot drive terminal type '\(String(cString: term))'")
        }
        set_term(screen)
        // Cheaper attribute changes and cursor moves: see the shim.
        hm_prefer_fixed_strings()
        self.screen = screen
        self.input = streams.input
        self.output = streams.output
        window = hm_stdscr()
        hm_set_terminal_output_fd(fileno(streams.output))
        hm_install_terminal_restore_handlers()

        // raw, not cbreak: Ctrl-C, Ctrl-Z, Ctrl-S and Ctrl-Q reach us as keys
        // instead of stopping or freezing the editor.
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(TerminalSession.escapeDelayMilliseconds)
        wtimeout(window, TerminalSession.tickMilliseconds)
        curs_set(0)

        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        if !noColor && has_colors() {
            start_color()
            // Keep the user's background where the terminal allows it.
            defaultBackground = use_default_colors() == OK ? -1 : Int16(COLOR_BLACK)
            useColor = true
        } else {
            defaultBackground = -1
            useColor = false
        }
    }

    /// The terminal's size now (ncurses updates it on KEY_RESIZE).
    var size: (width: Int, height: Int) {
        (Int(hm_getmaxx(window)), Int(hm_getmaxy(window)))
    }

    /// The descriptor keys arrive on, for the event loop's `poll`.
    var inputDescriptor: Int32 { fileno(input) }

    /// A key ncurses already has or can read at once; nil without waiting.
    func keyWithoutWaiting() -> Key? {
        if !queuedKeys.isEmpty { return takeKey() }
        wtimeout(window, 0)
        return takeKey()
    }

    /// The next queued key, else the next key ncurses gives within the window's timeout.
    private func takeKey() -> Key? {
        if queuedKeys.isEmpty { queuedKeys = KeyDecoder.next(from: window) }
        return queuedKeys.isEmpty ? nil : queuedKeys.removeFirst()
    }

    /// Forces a full repaint on the next frame (Ctrl-L, or after a resize).
    func invalidate() { clearok(window, true) }

    /// Ctrl-Z: raw mode turns it into a key, so stop ourselves. ncurses' own
    /// SIGTSTP handler restores the terminal before the stop and redraws after.
    func suspend() {
        // The shell must not get mouse reports while we are stopped.
        let hadMouse = mouseEnabled
        setMouse(false)
        raise(SIGTSTP)
        setMouse(hadMouse)
        invalidate()
    }

    /// Restores the terminal. Safe to call more than once.
    func end() {
        guard !ended else { return }
        ended = true
        setMouse(false)
        hm_set_terminal_output_fd(-1)
        endwin()
        hm_remove_terminal_restore_handlers()
        delscreen(screen)
        fclose(input)
        fclose(output)
    }

    deinit { end() }

    private static func openStreams() throws(TerminalUnavailable) -> (
        input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>
    ) {
        // Our own descriptors, so closing the streams never closes stdin/stdout.
        var inputFD: Int32
        var outputFD: Int32
        if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
            inputFD = dup(STDIN_FILENO)
            outputFD = dup(STDOUT_FILENO)
        } else {
            inputFD = open("/dev/tty", O_RDWR | O_CLOEXEC)
            guard inputFD >= 0 else {
                throw TerminalUnavailable(
                    reason:
                        "stdin/stdout is not a terminal and /dev/tty cannot be opened (use -c or -s to run commands without one)"
                )
            }
            outputFD = dup(inputFD)
        }
        guard inputFD >= 0, outputFD >= 0,
            let input = fdopen(inputFD, "r"), let output = fdopen(outputFD, "w")
        else {
            if inputFD >= 0 { close(inputFD) }
            if outputFD >= 0 { close(outputFD) }
            throw TerminalUnavailable(reason: "cannot open the terminal's streams")
        }
        return (input, output)
    }
}
