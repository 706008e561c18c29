import HexEditor

/// ncurses returns "no key" at once, again and again, when the terminal is
/// gone (hang-up, closed pty). A real timeout takes about the tick interval,
/// so many empty reads in a row that came back early mean the input is dead.
struct LostTerminalDetector {
    private var quickEmptyReads = 0
    private var lastRead = MonotonicClock.now()
    static let limit = 100

    /// Records a read that returned no key; true when the terminal looks gone.
    mutating func noteEmptyRead() -> Bool {
        let now = MonotonicClock.now()
        let elapsedMilliseconds = (now - lastRead) / 1_000_000
        lastRead = now
        if elapsedMilliseconds < Int64(TerminalSession.tickMilliseconds / 5) {
            quickEmptyReads += 1
        } else {
            quickEmptyReads = 0
        }
        return quickEmptyReads >= LostTerminalDetector.limit
    }

    mutating func reset() {
        quickEmptyReads = 0
        lastRead = MonotonicClock.now()
    }
}
