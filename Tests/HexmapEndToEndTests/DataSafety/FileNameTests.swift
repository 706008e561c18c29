import Foundation
import TestSupport
import Testing

/// File names are bytes: a name that is not UTF-8 opens the file it names, and no byte of
/// a name reaches the terminal raw.
@Suite struct FileNameTests {
    /// `lat1\xe9.bin` in a fresh directory, as bytes.
    static func latin1Name(in directory: String) -> [UInt8] {
        Array((directory + "/lat1").utf8) + [0xE9] + Array(".bin".utf8)
    }

    static func create(_ name: [UInt8], contents: [UInt8]) {
        let fd = name.withUnsafeBufferPointer { buffer in
            open(Array(buffer.map { CChar(bitPattern: $0) } + [0]), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        _ = contents.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    static func exists(_ name: [UInt8]) -> Bool {
        var status = stat()
        return name.withUnsafeBufferPointer { stat(Array($0.map { CChar(bitPattern: $0) } + [0]), &status) } == 0
    }

    @Test func aNameThatIsNotUTF8OpensThatFile() throws {
        let scratch = TemporaryFile([])
        let directory = scratch.directory
        let name = Self.latin1Name(in: directory)
        Self.create(name, contents: Array("y".utf8))
        let run = try BackgroundProcess(
            hexmapExecutable().path, rawArguments: [name, Array("-c".utf8), Array("print".utf8)], captureOutput: true)
        #expect(run.wait())
        #expect(run.exitStatus == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("00000000: 79"))
        let info = try BackgroundProcess(
            hexmapExecutable().path, rawArguments: [name, Array("-c".utf8), Array("info".utf8)], captureOutput: true)
        #expect(info.wait())
        #expect(info.standardOutput.contains("lat1\\xe9.bin"), "the name is shown escaped: \(info.standardOutput)")
    }

    @Test func createMakesExactlyTheNameGiven() throws {
        let scratch = TemporaryFile([])
        let directory = scratch.directory
        let name = Self.latin1Name(in: directory)
        let run = try BackgroundProcess(
            hexmapExecutable().path,
            rawArguments: [name, Array("--create".utf8), Array("4k".utf8), Array("-c".utf8), Array("patch 0 41".utf8)],
            captureOutput: true)
        #expect(run.wait())
        #expect(run.exitStatus == 0, "\(run.standardError)")
        #expect(Self.exists(name))
        #expect(!FileManager.default.fileExists(atPath: directory + "/lat1\u{FFFD}.bin"))
    }

    @Test func escapeSequencesInANameNeverReachTheTerminal() throws {
        let file = TemporaryFile("x", name: "evil\u{1B}]0;PWNFILE\u{07}\u{1B}[2J.bin")
        for arguments in [[file.path + "-missing"], [file.path, "-c", "info"], [file.path, "--json", "-c", "info"]] {
            let result = try HeadlessRun.hexmap(arguments)
            let everything = result.stdout + result.stderr
            #expect(
                !everything.contains(0x1B) && !everything.contains(0x07), "\(arguments): \(result.out)\(result.err)")
            #expect((result.out + result.err).contains("PWNFILE"))
        }
    }
}
