import Foundation
import TestSupport
import Testing

@testable import HexEditor

/// The REPL's loop without a terminal: lines in, output and errors out.
@Suite struct ReplSessionTests {
    final class Lines: ReplInput {
        var lines: [ReplLine]
        let isTerminal: Bool
        init(_ lines: [String], terminal: Bool = false) {
            self.lines = lines.map { .line(Array($0.utf8)) }
            isTerminal = terminal
        }
        func nextLine() -> ReplLine { lines.isEmpty ? .end : lines.removeFirst() }
    }

    func run(_ lines: [String], on file: TemporaryFile, terminal: Bool = false) throws -> (
        status: Int32, out: String, errors: [String]
    ) {
        let document = try Document(path: file.path)
        let sink = CollectingSink()
        var errors: [String] = []
        let session = ReplSession(document: document, output: sink, json: false) { errors.append($0) }
        let status = session.run(Lines(lines, terminal: terminal))
        document.close()
        return (status, sink.text, errors)
    }

    @Test func eachLineRunsAndErrorsDoNotStopTheSession() throws {
        let file = TemporaryFile("hello world")
        let result = try run(["find \"wor\"", "print", "bogus 1", "patch 0 48", "print 0 1"], on: file)
        #expect(
            result.out
                == "0x6\n00000006: 776f 726c 64                             world\n00000000: 48                                       H\n"
        )
        #expect(result.errors == ["error: column 1: unknown command 'bogus' (try: help)"])
        #expect(result.status == 1, "off a terminal, a failed command makes the exit status 1")
        #expect(file.bytes == Array("Hello world".utf8), "the end of input syncs")
    }

    @Test func quitRefusesUnsyncedEditsAndForceQuitRollsThemBack() throws {
        let file = TemporaryFile("abc")
        let refused = try run(["patch 0 41", "q", "q!", "patch 1 42"], on: file)
        #expect(refused.errors == ["error: unsynced edits: use :wq to save or :q! to discard"])
        #expect(refused.status == 0, "q! ends the session")
        #expect(file.bytes == Array("abc".utf8))
        let saved = try run(["patch 0 41", "wq"], on: file)
        #expect(saved.status == 0)
        #expect(file.bytes == Array("Abc".utf8))
    }

    @Test func onATerminalTheExitStatusIgnoresFailures() throws {
        let file = TemporaryFile("abc")
        #expect(try run(["bogus"], on: file, terminal: true).status == 0)
    }
}
