import Foundation
import TestSupport

/// The result of running a program to completion.
struct ProcessResult {
    var status: Int32
    var stdout: Data
    var stderr: Data
    var out: String { String(decoding: stdout, as: UTF8.self) }
    var err: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs the built `hexmap` (next to the test bundle) or a system tool, headless: no TERM,
/// standard input from /dev/null unless `input` is given.
enum HeadlessRun {
    static var hexmapPath: String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("hexmap").path
    }

    static func hexmap(_ arguments: [String], input: Data? = nil) throws -> ProcessResult {
        try program(hexmapPath, arguments, input: input)
    }

    /// A tool that is not ours (xxd, od, cmp), to check the bytes on disk.
    static func tool(_ name: String, _ arguments: [String]) throws -> ProcessResult {
        try program("/usr/bin/env", [name] + arguments)
    }

    static func program(_ path: String, _ arguments: [String], input: Data? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var environment = HexmapEnvironment.isolated()
        environment["TERM"] = nil
        process.environment = environment
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        let inPipe = Pipe()
        if input != nil {
            process.standardInput = inPipe
        } else {
            process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        }
        try process.run()
        if let input {
            // Feed stdin from another thread so a large script cannot deadlock against full output pipes.
            let writer = inPipe.fileHandleForWriting
            Thread.detachNewThread {
                writer.write(input)
                try? writer.close()
            }
        }
        // Read both pipes to the end before waiting, so a chatty child never blocks on a full pipe.
        let errBox = DataBox()
        let errThread = Thread {
            errBox.data = errPipe.fileHandleForReading.readDataToEndOfFile()
            errBox.done.signal()
        }
        errThread.start()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        errBox.done.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: out, stderr: errBox.data)
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}
