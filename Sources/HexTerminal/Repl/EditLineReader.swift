import CEditLine
import HexEditor
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How libedit reads keys for the REPL: one byte at a time from standard input, UTF-8
/// decoded. A read interrupted by a signal that asks to stop (SignalStop) returns an
/// error, so `el_gets` returns and the REPL can act. After Ctrl-Z and `fg` (SIGCONT) it
/// returns an error too and `restart` is set: the shell changed the terminal's modes while
/// we were stopped, and a fresh `el_gets` sets them up again. After a resize (SIGWINCH)
/// libedit learns the new width.
enum EditLineReader {
    static let continued = Atomic<Bool>(false)
    static let resized = Atomic<Bool>(false)
    /// Set when a read ended only so that `el_gets` can start again (after SIGCONT).
    static let restart = Atomic<Bool>(false)

    /// Installs the reader on `editor`, and the SIGCONT and SIGWINCH handlers it relies on.
    static func install(on editor: OpaquePointer) {
        hm_el_set_reader(editor, readCharacter)
        for (signal, handler) in [(SIGCONT, noteContinued), (SIGWINCH, noteResized)]
            as [(Int32, @convention(c) (Int32) -> Void)]
        {
            var action = sigaction()
            #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = handler
            #else
            action.__sigaction_handler.sa_handler = handler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }
}

private func noteContinued(_ signal: Int32) {
    EditLineReader.continued.store(true, ordering: .relaxed)
}

private func noteResized(_ signal: Int32) {
    EditLineReader.resized.store(true, ordering: .relaxed)
}

/// libedit's `el_rfunc_t`: 1 and a character, 0 at the end of the input, -1 on an error.
private func readCharacter(_ editor: OpaquePointer?, _ character: UnsafeMutablePointer<wchar_t>?) -> Int32 {
    guard let editor, let character else { return -1 }
    var scalar: UInt32 = 0
    var remaining = 0
    while true {
        var byte: UInt8 = 0
        let count = read(STDIN_FILENO, &byte, 1)
        if count == 1 {
            if remaining == 0 {
                switch byte {
                case 0x00...0x7F:
                    character.pointee = wchar_t(byte)
                    return 1
                case 0xC2...0xDF: (scalar, remaining) = (UInt32(byte & 0x1F), 1)
                case 0xE0...0xEF: (scalar, remaining) = (UInt32(byte & 0x0F), 2)
                case 0xF0...0xF4: (scalar, remaining) = (UInt32(byte & 0x07), 3)
                default:
                    character.pointee = wchar_t(byte)
                    return 1  // not UTF-8: the byte itself
                }
                continue
            }
            guard byte & 0xC0 == 0x80 else {
                character.pointee = wchar_t(byte)
                return 1
            }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
            remaining -= 1
            if remaining == 0 {
                character.pointee = wchar_t(scalar)
                return 1
            }
            continue
        }
        if count == 0 { return 0 }
        guard errno == EINTR else { return -1 }
        if EditLineReader.continued.exchange(false, ordering: .relaxed) {
            EditLineReader.restart.store(true, ordering: .relaxed)
            errno = EINTR
            return -1
        }
        if EditLineReader.resized.exchange(false, ordering: .relaxed) {
            el_resize(editor)
            hm_el_refresh(editor)
        }
        if SignalStop.request.isRequested {
            errno = EINTR
            return -1
        }
    }
}
