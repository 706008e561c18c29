import CNcurses
import HexDump
import HexEditor
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The mouse and the system clipboard: what the editor asks of the terminal beyond drawing.
extension TerminalSession {
    /// Turns mouse reporting on (clicks, drags and the wheel come as `Key.mouse`) or off (the
    /// terminal's own selection works again).
    func setMouse(_ on: Bool) {
        guard on != mouseEnabled else { return }
        if on {
            // Presses and releases as they happen, not merged into clicks after a delay.
            mouseinterval(0)
            _ = mousemask(hm_mouse_events(), nil)
            // ncurses asks for presses and releases (mode 1000); 1002 adds motion while a
            // button is down, which is what a drag is.
            writeToTerminal(Array("\u{1b}[?1002h".utf8))
        } else {
            writeToTerminal(Array("\u{1b}[?1002l".utf8))
            _ = mousemask(0, nil)
        }
        mouseEnabled = on
    }

    /// Asks the terminal to put `text` on the system clipboard (OSC 52). Terminals that do not
    /// know the sequence ignore it; tmux takes it with `set-clipboard on`.
    func copyToClipboard(_ text: String) {
        writeToTerminal(TerminalClipboard.sequence(for: text))
    }

    /// Bytes straight to the terminal, between frames (ncurses has flushed its own output).
    private func writeToTerminal(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            _ = fwrite(buffer.baseAddress, 1, buffer.count, output)
        }
        fflush(output)
    }
}

/// OSC 52, the escape sequence that sets the system clipboard through the terminal (xterm,
/// kitty, iTerm2, WezTerm, Windows Terminal, tmux with `set-clipboard on`).
public enum TerminalClipboard {
    /// `ESC ] 52 ; c ; BASE64 BEL`.
    public static func sequence(for text: String) -> [UInt8] {
        Array("\u{1b}]52;c;".utf8) + Base64.encode(Array(text.utf8)) + [0x07]
    }

    /// Writes the sequence for `text` to `descriptor` (the REPL's terminal).
    public static func write(_ text: String, to descriptor: Int32) {
        // Nothing to do when the terminal refuses it: the yank is in the register either way.
        try? FileDescriptor(rawValue: descriptor).writeWhole(sequence(for: text))
    }
}
