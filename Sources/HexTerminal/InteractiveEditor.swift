import CNcurses
import HexEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `hexmap FILE` without -c/-s: the full-screen editor on the user's terminal.
public enum InteractiveEditor {
    /// Runs the editor until the user quits. Returns the exit status: 0 after a
    /// quit, 2 when there is no usable terminal (with a message on stderr), 1
    /// when the terminal went away under us, 128 + N after signal N. The terminal
    /// is restored on every path out (return, thrown error, SIGINT/SIGTERM/SIGHUP/SIGQUIT).
    ///
    /// SIGINT, SIGTERM and SIGHUP (and a terminal that goes away) end the session as
    /// `:q!` does: the unsynced edits are rolled back, and the message on stderr says so.
    public static func run(document: Document) -> Int32 {
        let session: TerminalSession
        do {
            session = try TerminalSession()
        } catch {
            printError("hexmap: \(error.description)")
            return 2
        }
        defer { session.end() }
        let wakePipe = SignalPipe()
        SignalStop.install(wakingUp: wakePipe.writeEnd)
        document.stopRequest = SignalStop.request
        let painter = ScreenPainter(useColor: session.useColor, defaultBackground: session.defaultBackground)
        let size = session.size
        let state = EditorState(document: document, width: size.width, height: size.height)
        state.historyFile = HistoryFile()  // the : line's history, shared with the REPL
        state.reportStructProblems(StructLibrary.standard.problems)
        var needsFrame = true
        var lostTerminal = LostTerminalDetector()
        // The live view: other processes' writes, growth, truncation and rotation show as they happen.
        state.highlightsChanges = true
        state.live.startWatching(document)
        // NO_COLOR (or a terminal without colours): bytes are not coloured by class either.
        state.showsByteClasses = session.useColor
        var lastTick = MonotonicClock.now()

        while true {
            carryOutRequests(of: state, on: session)
            if needsFrame {
                let size = session.size
                painter.paint(state.frame(width: size.width, height: size.height), on: session.window)
                needsFrame = false
            }
            if let signal = SignalStop.request.signal {
                return stopExit(session, document: document, signal: signal)
            }
            // A search under way takes a step whenever no key is waiting.
            let wake = LiveEventWait.wait(
                terminal: session.inputDescriptor, watcher: state.live.watcher?.descriptor,
                signals: wakePipe.readEnd, timeoutMilliseconds: state.isSearching ? 0 : state.live.sleepMilliseconds)
            switch wake {
            case .signal:
                wakePipe.drain()
                continue
            case .hangUp:
                return lostTerminalExit(session, document: document)
            case .fileEvent:
                // The watcher also hears the file's directory; others' files there are not news,
                // but the periodic look still comes on time.
                let relevant = state.live.takeWatcherEvents()
                if relevant || MonotonicClock.now() - lastTick >= LiveView.frameIntervalNanoseconds {
                    needsFrame = state.tick()
                    lastTick = MonotonicClock.now()
                }
                continue
            case .timeout where state.isSearching:
                needsFrame = state.continueSearch()
                continue
            case .timeout:
                needsFrame = state.tick()
                lastTick = MonotonicClock.now()
                continue
            case .input:
                break
            }
            // Every key ncurses has, then one frame: a paste or a held key never queues frames.
            var sawKey = false
            while let key = session.keyWithoutWaiting() {
                sawKey = true
                if key == .resize { session.invalidate() }
                switch state.handle(key) {
                case .none: break
                case .redraw: session.invalidate()
                case .suspend: session.suspend()
                case .quit: return 0
                }
            }
            if sawKey {
                lostTerminal.reset()
                needsFrame = true
            } else if lostTerminal.noteEmptyRead() {
                return lostTerminalExit(session, document: document)
            }
            // Keys arriving without pause must not starve the live view.
            if MonotonicClock.now() - lastTick >= LiveView.frameIntervalNanoseconds {
                if state.tick() { needsFrame = true }
                lastTick = MonotonicClock.now()
            }
        }
    }

    private static func lostTerminalExit(_ session: TerminalSession, document: Document) -> Int32 {
        session.end()
        printError("hexmap: the terminal went away; \(discardUnsynced(document))")
        return 1
    }

    /// A signal asked us to stop: leave as `:q!` would, with the terminal restored.
    private static func stopExit(_ session: TerminalSession, document: Document, signal: Int32) -> Int32 {
        session.end()
        printError("hexmap: \(StopRequest.name(of: signal)): \(discardUnsynced(document))")
        return SignalStop.exitStatus(for: signal)
    }

    /// Rolls the unsynced edits back and says what happened.
    private static func discardUnsynced(_ document: Document) -> String {
        let count = document.unsyncedEdits
        guard count > 0 else { return "no unsynced edits to lose" }
        do {
            try document.discardUnsyncedEdits()
            return "rolled back \(count) unsynced edit\(count == 1 ? "" : "s"): the file is as it was at the last sync"
        } catch {
            return
                "could not roll back the unsynced edits (\(TerminalText.escaped(error.message))): they stay in the file"
        }
    }

    private static func printError(_ text: String) {
        writeToStandardError(text + "\n")
    }
}
