import Foundation
import Testing

/// The live loop sleeps in poll on the terminal; when the terminal goes away
/// without a SIGHUP (a pty whose other end closed), poll says so and hexmap
/// leaves with a message instead of spinning.
@Suite("Live loop and a vanished terminal", .enabled(if: FileManager.default.fileExists(atPath: "/dev/ptmx")))
struct LiveTerminalLossTests {
    // Linux values of TIOCSPTLCK, TIOCGPTN and glibc's POSIX_SPAWN_SETSID (macros Swift cannot import).
    static let setPtyLock: UInt = 0x4004_5431
    static let getPtyNumber: UInt = 0x8004_5430
    static let spawnSetSID: Int16 = 0x80

    @Test func closingThePtyEndsTheEditorWithAMessage() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("gone.bin", bytes: [UInt8](repeating: 0x41, count: 64))
        let errPath = scratch.url.appendingPathComponent("err.txt").path

        // posix_openpt and friends are not in Swift's Glibc module: the Linux ioctls they wrap.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)  // the child must not hold it open
        try #require(master >= 0)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        try #require(ioctl(master, Self.setPtyLock, &unlock) == 0)
        try #require(ioctl(master, Self.getPtyNumber, &number) == 0)
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        // A new session without a controlling terminal: closing the pty sends no SIGHUP.
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR | O_NOCTTY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, slavePath, O_RDWR | O_NOCTTY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK) | Self.spawnSetSID)
        let arguments: [String] = [hexmapExecutable().path, path]
        let environment: [String] = ["TERM=xterm", "PATH=/usr/bin:/bin"]
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        try #require(posix_spawn(&pid, argv[0]!, &actions, &attributes, argv, envp) == 0)

        // Wait for the first frame, reading the pty so hexmap never blocks on output.
        var output: [UInt8] = []
        let started = Date().addingTimeInterval(10)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !String(decoding: output, as: UTF8.self).contains("gone.bin") && Date() < started {
            var entry = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&entry, 1, 50) == 1 {
                let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                if count > 0 { output += buffer[0..<count] }
            }
        }
        #expect(String(decoding: output, as: UTF8.self).contains("gone.bin"), "hexmap drew its first frame")
        close(master)

        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(10)
        var exited = false
        while Date() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid {
                exited = true
                break
            }
            usleep(10_000)
        }
        if !exited {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        #expect(exited, "hexmap must leave when its terminal is gone")
        #expect((status >> 8) & 0xff == 1)
        let errors = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        #expect(errors.contains("the terminal went away"))
    }
}
