/// The system clipboard, as far as the editor knows it: `yank` with `set clipboard on` asks
/// for its bytes to go there as hex (`CommandEffects.clipboard`); the terminal backend sends
/// them in an OSC 52 sequence. Terminals bound those (tmux's input buffer is 1 MiB), so
/// large yanks stay in the register only.
public enum Clipboard {
    /// At most this many bytes: hex doubles them and base64 adds a third.
    public static let limit = 256 << 10
}
