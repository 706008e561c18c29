/// The help screen's keys for the selection, the register, the marks and the mouse, and the
/// legend of the byte colours (the colours themselves are chosen in HexTerminal's
/// `ScreenPainter`; keep the two in step).
extension HelpText {
    static let selecting = """
        SELECTING, COPYING, MARKS
          v                    start a selection at the cursor (v again or Esc ends
                               it); every motion, search, mark jump or click extends it
          y                    yank the selection (or the byte under the cursor)
          p                    paste the yanked bytes over those at the cursor
          :fill BYTE, :delete, :yank, :print, :find
                               with a selection these leave out OFF LEN and take
                               the selection (:print as python: the bytes as code)
          m a / ' a            set mark a at the cursor / jump to it; 'a is an
                               offset in commands: :print 'a 32, :goto 'a
          mouse                click: move the cursor (either pane); drag: select;
                               wheel: scroll; :set mouse off leaves it to the terminal

        BYTE COLOURS (hexyl's classes; :set colors off or NO_COLOR=1 turns them off)
          00                   NUL: dimmed
          41 7e ('A' '~')      printable ASCII: bold
          20 09 0a 0d          ASCII whitespace: green
          01 1b 7f             other ASCII (control bytes): magenta
          80 ff                non-ASCII: the terminal's own colour
          The cursor is black on cyan, the selection white on blue, bytes another
          process just changed black on yellow: all of them show over the classes.
        """
}
