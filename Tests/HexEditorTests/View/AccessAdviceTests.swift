import Foundation
import Testing

@testable import HexEditor

#if os(Linux)
/// The kernel's flags for this process's mapping of `path` (from /proc/self/smaps):
/// `rr` is MADV_RANDOM, `sr` is MADV_SEQUENTIAL.
func mappingFlags(of path: String) throws -> [String] {
    // /proc files report size 0: read to the end rather than trusting a size.
    let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/smaps"))
    defer { try? handle.close() }
    let smaps = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
    var inMapping = false
    for line in smaps.split(separator: "\n") {
        if line.hasPrefix("VmFlags:") {
            if inMapping { return line.dropFirst("VmFlags:".count).split(separator: " ").map(String.init) }
        } else if let first = line.split(separator: " ").first, first.contains("-"),
            first.allSatisfy({ $0.isHexDigit || $0 == "-" })
        {
            inMapping = line.hasSuffix(path)
        }
    }
    Issue.record("no mapping of \(path) in /proc/self/smaps")
    return []
}

@Suite("Access advice")
struct AccessAdviceTests {
    @Test func theEditorAsksForRandomAccessSoJumpsDoNotReadAhead() throws {
        let (editor, file) = try makeEditor(countingBytes(1 << 20), name: "advice-random.bin")
        #expect(try mappingFlags(of: file.path).contains("rr"))
        editor.handle(keys("/fd fe ff<Enter>"))
        #expect(editor.cursor == 0xfd)
        #expect(try mappingFlags(of: file.path).contains("rr"), "back to random access after a search")
    }

    @Test func theAdviceSurvivesAResizeThatRemaps() throws {
        let (editor, file) = try makeEditor(countingBytes(4096), name: "advice-resize.bin")
        editor.handle(keys(":resize 64m<Enter>"))
        #expect(!editor.messageIsError)
        #expect(try mappingFlags(of: file.path).contains("rr"))
    }

    @Test func anAdviseCommandIsLeftAlone() throws {
        let (editor, file) = try makeEditor(countingBytes(1 << 20), name: "advice-user.bin")
        editor.handle(keys(":advise sequential<Enter>"))
        #expect(try mappingFlags(of: file.path).contains("sr"))
        editor.handle(keys("/fd fe ff<Enter>"))
        #expect(try mappingFlags(of: file.path).contains("sr"), "the user's advice survives a search")
    }
}
#endif
