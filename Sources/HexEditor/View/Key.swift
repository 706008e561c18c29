/// One decoded key press, independent of any terminal library.
///
/// HexTerminal turns ncurses key codes into these; tests build them directly,
/// so the whole editor can be driven without a terminal.
public enum Key: Equatable, Hashable, Sendable {
    /// A printable character (or any character the terminal sent as text).
    case character(Character)
    /// Ctrl plus a letter, given as the lowercase letter: Ctrl-R is `.control("r")`.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace, delete
    /// F1, F2, …
    case function(Int)
    /// The terminal changed size; the next frame must use the new size.
    case resize
    /// A click, a drag or the wheel (while `:set mouse on`).
    case mouse(MouseEvent)
}

extension Key {
    /// The hex digit this key stands for, if it is one (`0-9`, `a-f`, `A-F`).
    var hexDigitValue: UInt8? {
        // ASCII only: Character.hexDigitValue also accepts full-width digits such as U+FF41.
        guard case .character(let character) = self, character.isASCII, let value = character.hexDigitValue
        else { return nil }
        return UInt8(value)
    }

    /// The byte a printable ASCII key writes in the text pane.
    var printableASCII: UInt8? {
        guard case .character(let character) = self, let ascii = character.asciiValue,
            (0x20...0x7e).contains(ascii)
        else { return nil }
        return ascii
    }
}
