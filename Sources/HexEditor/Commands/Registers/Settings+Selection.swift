/// The settings of selection, colours, mouse and clipboard (DESIGN.md, "Selection,
/// registers, marks").
extension Settings {
    static let selectionSettings = [colors, mouse, clipboard]

    static let colors = Setting(
        name: "colors", values: .choice(["on", "off"]),
        summary: "colour bytes by class: NUL, text, whitespace, other ASCII, non-ASCII (NO_COLOR: off)"
    ) { (value, run) throws(EditorError) in
        run.effects.colors = value == "on"
        run.effects.message = "colors \(value)"
    }

    static let mouse = Setting(
        name: "mouse", values: .choice(["on", "off"]),
        summary: "clicks move the cursor, drags select, the wheel scrolls; off leaves the mouse to the terminal"
    ) { (value, run) throws(EditorError) in
        run.effects.mouse = value == "on"
        run.effects.message = "mouse \(value)"
    }

    static let clipboard = Setting(
        name: "clipboard", values: .choice(["on", "off"]),
        summary: "yank also puts the bytes on the system clipboard as hex (OSC 52; off by default)"
    ) { (value, run) throws(EditorError) in
        run.interpreter.copiesToClipboard = value == "on"
        run.effects.message = "clipboard \(value)"
    }
}
