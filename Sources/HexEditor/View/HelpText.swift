/// The help screen (`?` or F1). Kept in Swift so the binary never depends on
/// the working directory; `Resources/help.txt` is the same text (a test keeps them equal).
public enum HelpText {
    /// The keys and the commands: the keys are written here, the commands come from the table.
    public static var text: String {
        keys + "\n\n" + selecting + "\n\n" + commands + "\n\n" + live
    }

    static let keys = """
        hexmap - keys and commands

        MOVING (normal mode)
          h j k l, arrows      byte left, row down, row up, byte right
          w / b                next / previous group of 8 bytes
          0 / $, Home / End    start / end of the row
          g / G                start / end of the file
          PgDn / PgUp          page down / up (also Ctrl-F / Ctrl-B)
          Ctrl-D / Ctrl-U      half a page down / up
          Tab                  switch between the hex and the text pane
          :OFF                 go to an offset (same as :goto OFF)

        EDITING (changes go straight into the mapped file)
          R                    overwrite mode: hex digits in the hex pane, text in
                               the text pane; the cursor advances; Esc leaves it
          r XX                 replace the byte under the cursor (one character
                               in the text pane)
          u / Ctrl-R           undo / redo

        SEARCHING
          /PATTERN, ?PATTERN   search forward, backward: hex pairs (de ad), ??
                               (any byte), 4? (a nibble), "text", i"text" (any
                               case); wraps around the file; Esc stops a long one
          n / N                next match in the same / the other direction
        """

    /// The command table's summary, indented under its heading.
    static var commands: String {
        (["COMMANDS (type : first; Up/Down browse the history, Tab completes)"]
            + CommandHelp.summaryLines.map { $0.isEmpty ? "" : "  " + $0 }).joined(separator: "\n")
    }

    static let live = """
        TYPED VIEWS
          I                    the inspector panel: the bytes at the cursor as
                               every integer, float, UTF-8, LEB128 and unix time
                               (also :set inspector on|off)
          :struct NAME|FIELDS  a panel with a structure pinned to its offset
                               (:struct elf64 at 0); changed fields are
                               highlighted; :struct off closes it

        LIVE VIEW (other processes' changes show as they happen)
          F                    follow the end of the file, like tail -f; any
                               movement key stops following
          Bytes another process changed are highlighted for a second; the
          status line counts them and says when the file was DELETED or
          REPLACED (then :reopen opens the new file).

        OTHER KEYS
          F1, :help            this help (q or Esc closes it)
          Esc                  back to normal mode, clear the message
          Ctrl-L               repaint the terminal
          Ctrl-Z               suspend (fg in the shell resumes)
          SIGTERM, SIGINT, SIGHUP leave as :q! does (unsynced edits rolled back)
        """

    public static var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}
