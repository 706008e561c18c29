import TestSupport
import Testing

@testable import HexEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Another process truncates the file while it is open: commands fail with a clear message,
/// nothing crashes, and `reopen` picks up the new size.
@Suite struct ShrunkFileTests {
    @Test func commandsReportTheShrinkAndReopenRecovers() throws {
        let file = TemporaryFile([UInt8](repeating: 0x5A, count: 4 * 4096))
        let document = try Document(path: file.path)
        #expect(truncate(file.path, 100) == 0)
        let sink = CollectingSink()
        let failing = try Script.parse(Array("print 0 4\nprint 12000 16\n".utf8), name: "s")
        let outcome = ScriptRunner(document: document, output: sink).run(failing)
        #expect(
            outcome
                == .failed(
                    message:
                        "s:2: the file shrank under us (bus error): another process truncated it; reopen to see its new size"
                ))
        #expect(sink.lines == ["00000000: 5a5a 5a5a                                ZZZZ"])

        let recovering = try Script.parse(Array("reopen\ninfo\nprint $-2\npatch $-1 41\n".utf8), name: "s")
        sink.bytes.removeAll()
        #expect(ScriptRunner(document: document, output: sink).run(recovering) == .succeeded)
        #expect(sink.lines.contains("size: 100"))
        #expect(sink.lines.last == "00000062: 5a5a                                     ZZ")
        #expect(file.bytes == [UInt8](repeating: 0x5A, count: 99) + [0x41])
    }
}
