import Foundation
import TestSupport
import Testing

/// `hexmap FILE --repl` driven through pipes, as a program would drive it.
@Suite struct ReplPipeTests {
    func repl(_ file: TemporaryFile, _ lines: String, _ options: [String] = []) throws -> ProcessResult {
        try HeadlessRun.hexmap([file.path, "--repl"] + options, input: Data(lines.utf8))
    }

    @Test func linesRunAndErrorsKeepGoing() throws {
        let file = TemporaryFile("hello world")
        let result = try repl(file, "print 0 5\nbogus\npatch 0 48\nfind \"wor\"\n")
        #expect(result.out == "00000000: 6865 6c6c 6f                             hello\n0x6\n")
        #expect(result.err == "error: column 1: unknown command 'bogus' (try: help)\n")
        #expect(result.status == 1)
        #expect(file.bytes == Array("Hello world".utf8), "the end of input syncs")
        #expect(try repl(file, "info\n").status == 0)
    }

    @Test func quitCommands() throws {
        let file = TemporaryFile("abc")
        let refused = try repl(file, "patch 0 41\nq\nq!\n")
        #expect(refused.err.contains("unsynced edits"))
        #expect(refused.status == 0)
        #expect(file.bytes == Array("abc".utf8))
        #expect(try repl(file, "patch 0 41\nwq\npatch 1 42\n").status == 0)
        #expect(file.bytes == Array("Abc".utf8), "nothing runs after wq")
    }

    @Test func readOnlyJsonAndUsageErrors() throws {
        let file = TemporaryFile("abc")
        let readOnly = try repl(file, "patch 0 41\ninfo\n", ["-r"])
        #expect(readOnly.status == 1)
        #expect(readOnly.out.contains("mode: read-only"))
        #expect(file.bytes == Array("abc".utf8))
        let json = try repl(file, "find 62\n", ["--json"])
        #expect(json.out == "{\"pattern\":\"62\",\"offset\":1}\n")
        let refused = try HeadlessRun.hexmap([file.path, "--repl", "-c", "info"])
        #expect(refused.status == 2)
        #expect(refused.err.contains("--repl"))
    }

    @Test func badInputIsAnErrorAndTheSessionGoesOn() throws {
        let file = TemporaryFile("abc")
        var input = Data("patch 0 ".utf8) + Data(repeating: 0x61, count: 10 << 20) + Data("\n".utf8)
        input += Data("patch 0 \"".utf8) + Data([0xFF]) + Data("\"\n".utf8)
        input += Data("patch 0 ".utf8) + Data([0]) + Data("\n".utf8)
        input += Data("patch 2 43\n".utf8)
        let result = try HeadlessRun.hexmap([file.path, "--repl"], input: input)
        let errors = result.err.split(separator: "\n")
        #expect(errors.count == 3, "\(result.err)")
        #expect(errors[0].contains("line too long"))
        #expect(errors[1].contains("invalid UTF-8"))
        #expect(errors[2].contains("NUL byte"))
        #expect(result.status == 1)
        #expect(file.bytes == Array("abC".utf8), "the good line after the bad ones ran")
    }

    @Test func aProgramCanTalkToItALineAtATime() throws {
        let file = TemporaryFile("hello")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: HeadlessRun.hexmapPath)
        process.arguments = [file.path, "--repl"]
        process.environment = HexmapEnvironment.isolated()
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        for (line, answer) in [("find 6c", "0x2"), ("find 6c from 3", "0x3"), ("find 7a", "not found")] {
            input.fileHandleForWriting.write(Data((line + "\n").utf8))
            #expect(
                readLine(from: output.fileHandleForReading) == answer, "the answer comes before the next line is sent")
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func aHangUpRollsTheUnsyncedEditsBack() throws {
        let file = TemporaryFile("abc")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: HeadlessRun.hexmapPath)
        process.arguments = [file.path, "--repl"]
        process.environment = HexmapEnvironment.isolated()
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data("patch 0 41\nprint 0 1\n".utf8))
        let deadline = Date().addingTimeInterval(10)
        while file.bytes.first != 0x41 && Date() < deadline { usleep(10_000) }
        kill(process.processIdentifier, SIGHUP)
        process.waitUntilExit()
        #expect(process.terminationStatus == 129)
        #expect(
            String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains(
                "SIGHUP: rolled back 1 unsynced edit"))
        #expect(file.bytes == Array("abc".utf8))
    }
}

/// One line from `handle`, read a byte at a time (so nothing after it is consumed).
func readLine(from handle: FileHandle) -> String {
    var bytes: [UInt8] = []
    while let byte = try? handle.read(upToCount: 1), let first = byte.first, first != 0x0A {
        bytes.append(first)
    }
    return String(decoding: bytes, as: UTF8.self)
}
