import Foundation
import TestSupport
import Testing

/// Runs the built `hexmap` in a detached tmux session on its own server
/// (`tmux -L hexmap-test-PID-N`), so tests can type keys and read the screen
/// as a person would, without colliding with each other or a user's tmux.
final class TmuxSession {
    static let isTmuxInstalled = TmuxSession.which("tmux") != nil
    private static let counter = Counter()

    let socket: String
    let target = "editor"

    /// Starts `hexmap ARGUMENTS` in a WIDTHxHEIGHT terminal. When hexmap exits,
    /// the pane prints `hexmap-exit=STATUS`, the terminal's icanon/echo state and
    /// `hexmap-done`, so tests can check the exit status and that the terminal was restored.
    init(arguments: [String], width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        socket = "hexmap-test-\(getpid())-\(TmuxSession.counter.next())"
        let exports = environment.map { "export \($0.key)=\(shellQuoted($0.value)); " }.joined()
        let command =
            exports + ([hexmapExecutable().path] + arguments).map(shellQuoted).joined(separator: " ")
            + "; echo hexmap-exit=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -e '-\\?icanon' -e '-\\?echo'; echo hexmap-done; sleep 600"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)", command])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        unlink("/tmp/tmux-\(getuid())/\(socket)")
    }

    /// Types literal text (no key names).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", target, "-l", text]) }

    /// Sends tmux key names: `Escape`, `Enter`, `Up`, `F1`, `C-r` …
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", target] + keys) }

    /// Any other tmux command on this server (`set-option -s set-clipboard on`, `show-buffer`).
    @discardableResult
    func command(_ arguments: String...) throws -> String { try tmux(arguments) }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The screen as text; with `escapes`, including colour and attribute sequences.
    func capture(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-t", target, "-p"] + (escapes ? ["-e"] : []))
    }

    /// A tmux format value for the pane, such as `#{alternate_on}`.
    func paneFormat(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `condition` holds or `timeout` passes; returns the
    /// last screen either way, so a failing expectation shows what was there.
    ///
    /// A capture can land while the editor is halfway through painting a frame, so a screen
    /// that meets the condition is returned only once a second capture agrees with it (or,
    /// on a screen that keeps changing, after a second of trying).
    @discardableResult
    func waitFor(timeout: Double = 30, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = try capture()
        while !condition(screen) && Date() < deadline {
            usleep(30_000)
            screen = try capture()
        }
        guard condition(screen) else { return screen }
        let settled = Date().addingTimeInterval(1)
        while Date() < settled {
            usleep(20_000)
            let again = try capture()
            if again == screen { break }
            if condition(again) { screen = again }
        }
        return screen
    }

    /// Waits for text to appear on the screen.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 30) throws -> String {
        try waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// The pid of hexmap itself (the child of the pane's shell).
    func hexmapPID() throws -> Int32? {
        let shell = try paneFormat("#{pane_pid}")
        let children = try run("/bin/ps", ["-o", "pid=", "--ppid", shell])
        return children.split(whereSeparator: \.isWhitespace).first.flatMap { Int32($0) }
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        try run(
            TmuxSession.which("tmux") ?? "/usr/bin/tmux", ["-L", socket] + arguments,
            environment: TmuxSession.environment)
    }

    /// The caller's environment without what would change the editor under test
    /// (NO_COLOR: tests that want it set it themselves) or nest tmux (TMUX).
    private static var environment: [String: String] {
        var environment = HexmapEnvironment.isolated()
        environment["NO_COLOR"] = nil
        environment["TMUX"] = nil
        environment["TMUX_TMPDIR"] = nil
        return environment
    }

    static func which(_ name: String) -> String? {
        for directory in ["/usr/bin", "/usr/local/bin", "/bin", "/opt/homebrew/bin"] {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}

struct CommandFailed: Error, CustomStringConvertible {
    let description: String
}

/// Runs a program to completion and returns its standard output.
@discardableResult
func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> String {
    let result = try runProcess(executable, arguments, environment: environment)
    guard result.status == 0 else {
        throw CommandFailed(description: "\(executable) \(arguments) exited \(result.status): \(result.error)")
    }
    return result.output
}

/// Makes a spawned child start with every signal unblocked and at its default
/// action: the test runner's threads block some, and children would inherit that.
func withDefaultSignals(_ attributes: inout posix_spawnattr_t) {
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
}

/// Runs a program with posix_spawn: stdin from /dev/null, stdout and stderr to
/// temporary files (a daemon such as the tmux server may keep inherited pipes
/// open forever), every signal unblocked and at its default action (the test
/// runner's threads may block some, and children would inherit that).
func runProcess(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws
    -> (status: Int32, output: String, error: String)
{
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hexmap-run-\(UUID().uuidString)")
    let outPath = scratch.path + ".out"
    let errPath = scratch.path + ".err"
    defer {
        unlink(outPath)
        unlink(errPath)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    withDefaultSignals(&attributes)

    let environment = environment ?? HexmapEnvironment.isolated()
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        for pointer in argv { free(pointer) }
        for pointer in envp { free(pointer) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard spawned == 0 else { throw CommandFailed(description: "cannot start \(executable): errno \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let error = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    return (exitStatus, output, error)
}

/// The `hexmap` executable built beside this test bundle.
func hexmapExecutable() -> URL {
    let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let beside = bundleDirectory.appendingPathComponent("hexmap")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    // Fall back to the package's debug build.
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/hexmap")
}

func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// A scratch directory for one test, removed afterwards.
final class ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hexmap-tui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String, bytes: [UInt8]) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
