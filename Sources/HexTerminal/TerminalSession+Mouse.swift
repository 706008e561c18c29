import CNcurses
import HexEditor

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
        Array("\u{1b}]52;c;".utf8) + base64(Array(text.utf8)) + [0x07]
    }

    /// Writes the sequence for `text` to `descriptor` (the REPL's terminal).
    public static func write(_ text: String, to descriptor: Int32) {
        let bytes = sequence(for: text)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBufferPointer { buffer in
                #if canImport(Glibc)
                    Glibc.write(descriptor, buffer.baseAddress, buffer.count)
                #else
                    Darwin.write(descriptor, buffer.baseAddress, buffer.count)
                #endif
            }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { return }
            written += result
        }
    }

    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var value: UInt32 = 0
            for offset in 0..<3 { value = value << 8 | UInt32(offset < count ? bytes[index + offset] : 0) }
            for digit in 0..<4 {
                out.append(digit <= count ? alphabet[Int(value >> UInt32(18 - 6 * digit) & 0x3F)] : UInt8(ascii: "="))
            }
            index += 3
        }
        return out
    }
}
