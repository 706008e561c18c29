import Foundation
import TestSupport

@testable import HexEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Another process, as far as the editor can tell: plain system calls on the
/// path, never the editor's mapping.
enum OtherProcess {
    static func write(_ bytes: [UInt8], at offset: Int, to path: String) {
        let fd = open(path, O_WRONLY)
        precondition(fd >= 0, "cannot open \(path)")
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(offset)) }
        close(fd)
    }

    static func append(_ bytes: [UInt8], to path: String) {
        let fd = open(path, O_WRONLY | O_APPEND)
        precondition(fd >= 0, "cannot open \(path)")
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, lseek(fd, 0, SEEK_END)) }
        close(fd)
    }

    static func truncate(_ path: String, to size: Int) {
        let fd = open(path, O_WRONLY)
        precondition(fd >= 0 && ftruncate(fd, off_t(size)) == 0, "cannot truncate \(path)")
        close(fd)
    }
}

/// A clock the test moves by hand, so highlight fading is checked without sleeping.
final class ManualClock {
    var now: Int64 = 5_000_000_000

    func advance(milliseconds: Int64) { now += milliseconds * 1_000_000 }
}

/// An editor with the live view on and a manual clock, as the interactive loop sets it up.
func makeLiveEditor(_ bytes: [UInt8], width: Int = 80, height: Int = 8) throws
    -> (EditorState, TemporaryFile, ManualClock)
{
    let (editor, file) = try makeEditor(bytes, width: width, height: height)
    let clock = ManualClock()
    editor.highlightsChanges = true
    editor.live.now = { clock.now }
    _ = editor.frame(width: width, height: height)
    return (editor, file, clock)
}

extension Screen {
    /// The styles of the hex cells of byte `index` (0-based within `row`).
    func hexStyle(row: Int, byte index: Int, layout: Layout) -> Style {
        self[row, layout.hexColumn(ofByte: index)].style
    }
}
