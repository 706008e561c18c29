import Foundation
import Testing

/// The live view end to end: another process writes, appends, truncates to zero
/// and grows the file back while hexmap shows it under tmux; the screen is read
/// with capture-pane after each step, with deadlines, never fixed sleeps.
@Suite(
    "Live view under tmux",
    .enabled(if: TmuxSession.isTmuxInstalled, "tmux is not installed: the live view end-to-end tests need it"))
struct LiveViewTests {
    /// The status line (the second-to-last line of a 100x12 pane).
    func statusLine(_ screen: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.count >= 12 ? String(lines[10]) : ""
    }

    @Test func writesAppendsTruncationAndRegrowthShowWithoutAKey() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("live.log", bytes: Array("first line\n".utf8))
        let tmux = try TmuxSession(arguments: [path], width: 100, height: 12)
        try tmux.waitFor("live.log  11 B")

        // An in-place write by another process: new bytes, highlighted, counted.
        try OtherWriter.write(Array("FIRST".utf8), at: 0, to: path)
        var screen = try tmux.waitFor("|FIRST line.")
        #expect(screen.contains("00000000  46 49 52 53 54 20 6c 69  6e 65 0a"))
        #expect(statusLine(screen).contains("5 changed"), "\(screen)")
        let colored = try tmux.capture(escapes: true)
        #expect(colored.contains("\u{1b}[43m") || colored.contains(";43m"), "changed bytes have the highlight colour")
        // The highlight fades after a moment.
        screen = try tmux.waitFor(timeout: 5) { !$0.contains("changed") }
        #expect(!statusLine(screen).contains("changed"))

        // Growth: the size updates; follow mode (F) keeps the last rows in view.
        try tmux.type("F")
        try tmux.waitFor("follow")
        try OtherWriter.append(Array((0..<300).map { _ in UInt8(ascii: "z") }), to: path)
        screen = try tmux.waitFor("live.log  311 B")
        #expect(screen.contains("00000130  7a 7a 7a 7a 7a 7a 7a"), "\(screen)")
        #expect(statusLine(screen).contains("0x00000136 (310)"))

        // Truncation to zero: no crash, the view clamps, the message line says it shrank.
        try OtherWriter.truncate(path, to: 0)
        screen = try tmux.waitFor("live.log  0 B")
        #expect(screen.contains("(empty file"))
        #expect(screen.contains("the file shrank from 311 to 0 bytes"))

        // Growing back: the new bytes show, following still on.
        try OtherWriter.append(Array("again\n".utf8), to: path)
        screen = try tmux.waitFor("|again.")
        #expect(screen.contains("00000000  61 67 61 69 6e 0a"))
        #expect(statusLine(screen).contains("follow"))

        // Still running and responsive: a motion leaves follow mode, :q quits cleanly.
        try tmux.type("g")
        screen = try tmux.waitFor { !statusLine($0).contains("follow") }
        #expect(statusLine(screen).contains("0x00000000 (0)"))
        try tmux.type(":q")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("hexmap-exit=").contains("hexmap-exit=0"))
    }

    @Test func rotationIsReportedAndReopenShowsTheNewFile() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("app.log", bytes: Array("old log\n".utf8))
        let tmux = try TmuxSession(arguments: [path], width: 100, height: 12)
        try tmux.waitFor("app.log  8 B")
        try FileManager.default.moveItem(atPath: path, toPath: path + ".1")
        try Data("new log!\n".utf8).write(to: URL(fileURLWithPath: path))
        var screen = try tmux.waitFor("REPLACED")
        #expect(screen.contains(":reopen opens it"))
        try tmux.type(":reopen")
        try tmux.press("Enter")
        screen = try tmux.waitFor("|new log!.")
        #expect(statusLine(screen).contains("app.log  9 B"))
        try FileManager.default.removeItem(atPath: path)
        screen = try tmux.waitFor("DELETED")
        try tmux.type(":q")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("hexmap-exit=").contains("hexmap-exit=0"))
    }

    @Test func aWriterTruncatingInALoopNeverCrashesTheEditor() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("storm.bin", bytes: [UInt8](repeating: 0x41, count: 8192))
        let tmux = try TmuxSession(arguments: [path], width: 100, height: 30)
        try tmux.waitFor("storm.bin")
        let pid = try #require(try tmux.hexmapPID())
        // Rewrite, append, truncate to zero, grow with ftruncate: for three seconds, as fast as a shell can.
        let storm = try OtherWriter.start(
            "/bin/sh",
            [
                "-c",
                """
                end=$(( $(date +%s) + 3 )); i=0
                while [ "$(date +%s)" -lt "$end" ]; do
                  i=$((i + 1))
                  : > "$1"
                  printf 'storm %d ----------------------------------------\\n' "$i" >> "$1"
                  truncate -s $(( (i * 7919) % 20000 )) "$1"
                  printf 'XYZ' | dd of="$1" bs=1 seek=$(( i % 64 )) conv=notrunc 2>/dev/null
                done
                """, "storm", path,
            ])
        // Meanwhile keys keep the editor busy: motions, follow, a fill and a search.
        let keys = ["G", "g", "F", "j", "k", ":fill 0 16 ee\r", "/XYZ\r", "n", ":reopen\r", "\u{6}"]
        var index = 0
        while storm.isRunning {
            try tmux.type(keys[index % keys.count])
            index += 1
            usleep(20_000)
        }
        storm.wait()
        #expect(kill(pid, 0) == 0, "hexmap is still running after the storm")
        // Settle on known content, then check the screen shows exactly it.
        try OtherWriter.truncate(path, to: 0)
        try OtherWriter.append(Array("calm\n".utf8), to: path)
        try tmux.press("Escape")
        try tmux.type("g")
        // Rows are painted before the status line: waiting for both never reads a frame half drawn.
        let screen = try tmux.waitFor { $0.contains("|calm.") && $0.contains("storm.bin  5 B") }
        #expect(screen.contains("|calm.") && screen.contains("storm.bin  5 B"), "\(screen)")
        // The storm's fill may have been cut off by a truncation: then :q! explains
        // that it cannot roll back, and a second :q! leaves anyway.
        try tmux.type(":q!")
        try tmux.press("Enter")
        var end = try tmux.waitFor { $0.contains("hexmap-exit=") || $0.contains(":q! again") }
        if !end.contains("hexmap-exit=") {
            try tmux.type(":q!")
            try tmux.press("Enter")
            end = try tmux.waitFor("hexmap-exit=")
        }
        #expect(end.contains("hexmap-exit=0"), "\(end)")
    }

    @Test(arguments: [["-c", "follow on"], ["--watch"]])
    func headlessWatchPrintsAppendedBytesAsXXDLines(_ options: [String]) throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("tail.log", bytes: Array("before\n".utf8))
        let outPath = scratch.url.appendingPathComponent("out.txt").path
        let errPath = scratch.url.appendingPathComponent("err.txt").path
        let watcher = try OtherWriter.start(
            "/bin/sh",
            [
                "-c", "f=$1; o=$2; e=$3; shift 3; exec \"$@\" >\"$o\" 2>\"$e\"", "watch", path, outPath, errPath,
                hexmapExecutable().path, path,
            ] + options)
        defer { watcher.terminate() }
        func output() -> String { (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" }
        func waitForOutput(_ text: String) -> String {
            let deadline = Date().addingTimeInterval(10)
            while !output().contains(text) && Date() < deadline { usleep(20_000) }
            return output()
        }
        // Give the watcher time to take the starting size, then append twice.
        usleep(300_000)
        try OtherWriter.append(Array("0123456789abcdef-and-more\n".utf8), to: path)
        var text = waitForOutput("-and-more.")
        #expect(
            text
                == "00000007: 3031 3233 3435 3637 3839 6162 6364 6566  0123456789abcdef\n"
                + "00000017: 2d61 6e64 2d6d 6f72 650a                 -and-more.\n")
        try OtherWriter.truncate(path, to: 0)
        let deadline = Date().addingTimeInterval(10)
        while !((try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "").contains("shrank") && Date() < deadline {
            usleep(20_000)
        }
        try OtherWriter.append(Array("new".utf8), to: path)
        text = waitForOutput("new")
        #expect(text.hasSuffix("00000000: 6e65 77                                  new\n"))
        #expect(watcher.isRunning, "it watches until interrupted")
        let errors = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        #expect(errors.contains("shrank from 33 to 0 bytes"))
    }
}

@Suite("Headless watch options")
struct WatchOptionTests {
    @Test(arguments: [["--json"], ["--private"]])
    func watchRefusesOptionsItCannotHonour(_ option: [String]) throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("w.bin", bytes: [1, 2, 3])
        let result = try runProcess(hexmapExecutable().path, [path, "--watch"] + option)
        #expect(result.status == 2)
        #expect(result.error.contains("--watch"))
    }
}

/// The other process's side: plain file operations on the path.
enum OtherWriter {
    static func write(_ bytes: [UInt8], at offset: UInt64, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: offset)
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
    }

    static func append(_ bytes: [UInt8], to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
    }

    static func truncate(_ path: String, to size: UInt64) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: size)
        try handle.close()
    }

    /// Starts a program in the background.
    static func start(_ executable: String, _ arguments: [String]) throws -> BackgroundProcess {
        try BackgroundProcess(executable, arguments)
    }
}
