import Foundation
import TestSupport

/// A program running beside the test, started like `runProcess` does (stdin from
/// /dev/null, every signal unblocked and at its default action, so SIGTERM ends
/// it even though the test runner blocks some signals). Killed when released.
///
/// Arguments may be raw bytes (a file name that is not UTF-8 must reach the program as
/// it is, which `Process` cannot do), and standard output and error can be kept in files.
final class BackgroundProcess {
    let pid: pid_t
    private var status: Int32?
    private let outputDirectory: String?

    convenience init(
        _ executable: String, _ arguments: [String], captureOutput: Bool = false, environment: [String: String] = [:]
    ) throws {
        try self.init(
            executable, rawArguments: arguments.map { Array($0.utf8) }, captureOutput: captureOutput,
            environment: environment)
    }

    init(
        _ executable: String, rawArguments: [[UInt8]], captureOutput: Bool = false, environment: [String: String] = [:]
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if captureOutput {
            let directory = NSTemporaryDirectory() + "hexmap-child-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            posix_spawn_file_actions_addopen(&actions, 1, directory + "/out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, directory + "/err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            outputDirectory = directory
        } else {
            outputDirectory = nil
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        withDefaultSignals(&attributes)
        let argv: [UnsafeMutablePointer<CChar>?] =
            ([Array(executable.utf8)] + rawArguments).map { bytes in
                let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
                for (index, byte) in bytes.enumerated() { copy[index] = CChar(bitPattern: byte) }
                copy[bytes.count] = 0
                return copy
            } + [nil]
        defer { for pointer in argv { pointer?.deallocate() } }
        var variables = HexmapEnvironment.isolated()
        variables["TERM"] = nil
        for (key, value) in environment { variables[key] = value }
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in envp { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw CommandFailed(description: "cannot start \(executable): errno \(spawned)") }
        self.pid = pid
    }

    var isRunning: Bool {
        guard status == nil else { return false }
        var raw: Int32 = 0
        if waitpid(pid, &raw, WNOHANG) == pid { status = raw }
        return status == nil
    }

    /// Waits for the end, at most `timeout` seconds; false if it is still running.
    @discardableResult
    func wait(timeout: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while isRunning && Date() < deadline { usleep(10_000) }
        return !isRunning
    }

    /// The exit status as a shell shows it: the code, or 128 + the signal that killed it.
    var exitStatus: Int32? {
        guard !isRunning, let status else { return nil }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// Whether a signal killed it (rather than it exiting, perhaps with 128 + N).
    var wasKilledBySignal: Bool {
        guard !isRunning, let status else { return false }
        return status & 0x7F != 0
    }

    var standardOutput: String { captured("out") }
    var standardError: String { captured("err") }

    private func captured(_ name: String) -> String {
        guard let outputDirectory, let data = FileManager.default.contents(atPath: outputDirectory + "/" + name) else {
            return ""
        }
        return String(decoding: data, as: UTF8.self)
    }

    func terminate() {
        if isRunning { kill(pid, SIGTERM) }
        if !wait(timeout: 5) {
            kill(pid, SIGKILL)
            wait(timeout: 5)
        }
    }

    deinit {
        terminate()
        if let outputDirectory { try? FileManager.default.removeItem(atPath: outputDirectory) }
    }
}
