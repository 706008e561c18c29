import Foundation
import TestSupport
import Testing

/// Inputs that used to hang or eat memory end quickly with a clear answer.
@Suite struct BoundedInputTests {
    @Test func findAllIsOnePassEvenWhenEveryByteMatches() throws {
        let file = TemporaryFile([UInt8](repeating: 0, count: 1 << 20))
        let result = try HeadlessRun.hexmap([file.path, "-r", "-c", "find 00 all"])
        #expect(result.status == 0)
        let lines = result.out.split(separator: "\n")
        #expect(lines.count == 1 << 20)
        #expect(lines.last == "0xfffff")
    }

    @Test func anEndlessScriptOfZerosIsRefusedAtOnce() throws {
        let file = TemporaryFile("data")
        let result = try HeadlessRun.hexmap([file.path, "-s", "/dev/zero"])
        #expect(result.status == 2)
        #expect(result.err.contains("/dev/zero:1:1: line too long"), "\(result.err)")
    }

    @Test func jsonHelpIsJSONNotPlainText() throws {
        let file = TemporaryFile("data")
        let result = try HeadlessRun.hexmap([file.path, "--json", "-c", "help", "-c", "help find"])
        #expect(result.status == 0)
        let lines = result.out.split(separator: "\n")
        #expect(lines.count > 10)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["usage"] is String, "\(line)")
        }
        #expect(lines.last?.contains(#""command":"find""#) == true)
    }

    @Test func aDumbTerminalIsRefusedWithAMessage() throws {
        let file = TemporaryFile("data")
        let run = try BackgroundProcess(
            hexmapExecutable().path, [file.path], captureOutput: true, environment: ["TERM": "dumb"])
        #expect(run.wait())
        #expect(run.exitStatus == 2)
        #expect(run.standardError.contains("TERM=dumb"), "\(run.standardError)")
    }
}
