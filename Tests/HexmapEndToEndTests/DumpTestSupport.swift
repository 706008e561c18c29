import Foundation
import TestSupport

/// Runs the built `hexmap` and the system `xxd` on files made for the test run.
enum DumpTestSupport {
    /// The `hexmap` executable built beside this test bundle (or under .build/debug).
    static let hexmap: String = {
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        let beside = URL(fileURLWithPath: runner).deletingLastPathComponent().appendingPathComponent("hexmap").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return FileManager.default.currentDirectoryPath + "/.build/debug/hexmap"
    }()

    static let xxd = "/usr/bin/xxd"

    /// A fresh directory for one test's files.
    static func makeDirectory(_ name: String) -> String {
        let path = NSTemporaryDirectory() + "hexmap-dump-tests-\(getpid())-\(name)"
        try? FileManager.default.removeItem(atPath: path)
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    struct Outcome: Equatable {
        var stdout: [UInt8]
        var status: Int32
    }

    /// Runs `executable arguments` with standard input from `stdinPath` (or /dev/null) and captures
    /// standard output through a file, so large outputs cannot fill a pipe.
    static func run(_ executable: String, _ arguments: [String], stdinPath: String? = nil, in directory: String)
        -> Outcome
    {
        let outputPath = directory + "/stdout-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardInput = FileHandle(forReadingAtPath: stdinPath ?? "/dev/null")
        let output = FileHandle(forWritingAtPath: outputPath)!
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try! process.run()
        process.waitUntilExit()
        try? output.close()
        let bytes = FileManager.default.contents(atPath: outputPath) ?? Data()
        return Outcome(stdout: [UInt8](bytes), status: process.terminationStatus)
    }

    /// `hexmap dump ARGS`.
    static func hexmapDump(_ arguments: [String], stdinPath: String? = nil, in directory: String) -> Outcome {
        run(hexmap, ["dump"] + arguments, stdinPath: stdinPath, in: directory)
    }

    /// A shell pipeline, for tests that feed one command's output to another.
    static func shell(_ script: String, in directory: String) -> Outcome {
        run("/bin/sh", ["-c", script], in: directory)
    }

    static func write(_ bytes: [UInt8], to path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}

/// The inputs where dumps go wrong: empty, 1, 15, 16, 17 bytes, 1 MiB random, long zero runs, text.
enum DumpFixtures {
    static let names = ["empty", "one", "fifteen", "sixteen", "seventeen", "random1m", "zeroruns", "text"]
    static let small = ["empty", "one", "fifteen", "sixteen", "seventeen", "zeroruns", "text"]

    static func bytes(_ name: String) -> [UInt8] {
        var generator = SplitMix64(seed: 0x6865_786d_6170)
        func random(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) } }
        switch name {
        case "empty": return []
        case "one": return [0x41]
        case "fifteen": return random(15)
        case "sixteen": return random(16)
        case "seventeen": return random(17)
        case "random1m": return random(1 << 20)
        case "zeroruns":
            // Zero runs of every interesting length (under a line, exactly 1-3 lines, many lines),
            // separated by single non-zero bytes, and a run that reaches the end.
            var bytes: [UInt8] = []
            for run in [3, 16, 32, 48, 64, 100, 4096, 17, 33] {
                bytes += [UInt8](repeating: 0, count: run) + [0x5a]
            }
            return bytes + [UInt8](repeating: 0, count: 80)
        case "text":
            let line = "The quick brown fox jumps over the lazy dog. 0123456789 ~!@#$%^&*()\t\"quoted\"\n"
            return Array(String(repeating: line, count: 40).utf8)
        default: fatalError("unknown fixture \(name)")
        }
    }

    /// Writes every fixture into `directory` under its name.
    static func create(in directory: String) {
        for name in names { DumpTestSupport.write(bytes(name), to: directory + "/" + name) }
    }
}
