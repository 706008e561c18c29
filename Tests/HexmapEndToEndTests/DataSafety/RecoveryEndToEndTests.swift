import Foundation
import TestSupport
import Testing

/// Nothing is lost when hexmap dies: a session killed with SIGKILL at any point leaves a
/// journal, the next run refuses edits until it is resolved, and `--recover rollback` gives
/// back the exact bytes and size (`--recover keep` the completed edits).
@Suite(.serialized, .timeLimit(.minutes(10))) struct RecoveryEndToEndTests {
    /// A state directory of the test's own, so journals never meet the user's.
    final class State {
        let directory = NSTemporaryDirectory() + "hexmap-recovery-\(UUID().uuidString)"
        var environment: [String: String] { ["XDG_STATE_HOME": directory] }
        var journals: [String] {
            (try? FileManager.default.contentsOfDirectory(atPath: directory + "/hexmap/journals")) ?? []
        }
        /// Whether the file's journal is shorter than its header (magic, pid, id, size, the
        /// path's length, the path and a checksum: at least 48 bytes and the path).
        func journalEndsInsideItsHeader(forFileAt path: String) -> Bool {
            let lengths = journals.filter { $0.hasSuffix(".journal") }.compactMap { name in
                (try? FileManager.default.attributesOfItem(atPath: directory + "/hexmap/journals/" + name))?[.size]
                    as? Int
            }
            return lengths.contains { $0 < 48 + path.utf8.count }
        }
        deinit { try? FileManager.default.removeItem(atPath: directory) }
    }

    func hexmap(_ arguments: [String], _ state: State) throws -> BackgroundProcess {
        let run = try BackgroundProcess(
            hexmapExecutable().path, arguments, captureOutput: true, environment: state.environment)
        #expect(run.wait(timeout: 120))
        return run
    }

    @Test func killedAtManyPointsItRollsBackToTheExactBytes() throws {
        let state = State()
        let file = TemporaryFile([])
        try HeadlessRun.tool("sh", ["-c", "head -c 268435456 /dev/urandom > '\(file.path)'"]).expectSuccess()
        let original = file.path + ".original"
        try FileManager.default.copyItem(atPath: file.path, toPath: original)
        let script = [
            "-c", #"patch 0 "ZZ""#, "-c", #"insert 100 "INSERTED""#, "-c", "delete 50 7", "-c", "fill 1m 64m 42",
            "-c", "resize 100m", "-c", #"insert 10 "again""#, "-c", "patch 999999999999 00",
        ]
        var cutOffShifts = 0
        for delay in [30_000, 150_000, 300_000, 500_000, 800_000, 1_200_000, 1_700_000, 2_300_000] {
            let run = try BackgroundProcess(
                hexmapExecutable().path, [file.path] + script, captureOutput: true, environment: state.environment)
            usleep(useconds_t(delay))
            kill(run.pid, SIGKILL)
            #expect(run.wait())
            guard run.wasKilledBySignal, !state.journals.isEmpty else { continue }  // it had not begun, or had ended
            if state.journalEndsInsideItsHeader(forFileAt: file.path) {
                // Killed while starting its journal: no edit reached the file, and the next
                // run removes the journal.
                #expect(try HeadlessRun.tool("cmp", [original, file.path]).status == 0)
                #expect(try hexmap([file.path, "-r", "-c", "info"], state).exitStatus == 0)
                #expect(state.journals.isEmpty, "a journal cut inside its header is removed")
                continue
            }

            let refused = try hexmap([file.path, "-c", "patch 0 00"], state)
            #expect(refused.exitStatus == 1)
            #expect(refused.standardError.contains("unsynced edit"), "\(refused.standardError)")
            let reader = try hexmap([file.path, "-r", "-c", "info"], state)
            #expect(reader.exitStatus == 0, "a read-only run only warns")
            #expect(reader.standardError.contains("from an earlier session (pid \(run.pid))"))

            let rolled = try hexmap([file.path, "--recover", "rollback"], state)
            #expect(rolled.exitStatus == 0, "\(rolled.standardError)")
            if rolled.standardError.contains("an insert at"),
                rolled.standardError.contains("cut off half way")
                    || rolled.standardError.contains("a delete at") && rolled.standardError.contains("cut off half way")
            {
                cutOffShifts += 1
            }
            let compare = try HeadlessRun.tool("cmp", [original, file.path])
            #expect(compare.status == 0, "after a kill at \(delay) µs: \(rolled.standardError) \(compare.out)")
            #expect(state.journals.isEmpty, "no journal is left")
        }
        #expect(cutOffShifts > 0, "some kill must land in the middle of an insert or delete")
    }

    @Test func keepKeepsTheCompletedEditsAndUndoesTheCutOffOne() throws {
        let state = State()
        let file = TemporaryFile([])
        try HeadlessRun.tool("sh", ["-c", "head -c 268435456 /dev/zero | tr '\\0' 'x' > '\(file.path)'"])
            .expectSuccess()
        let reference = file.path + ".reference"
        try FileManager.default.copyItem(atPath: file.path, toPath: reference)
        _ = try HeadlessRun.hexmap([reference, "-c", #"patch 0 "AB""#, "-c", #"patch 100 "CD""#])
        var kept = false
        for delay in [400_000, 800_000, 1_500_000] where !kept {
            let run = try BackgroundProcess(
                hexmapExecutable().path,
                [
                    file.path, "-c", #"patch 0 "AB""#, "-c", #"patch 100 "CD""#, "-c", "insert 5 00", "-c",
                    "delete 5 1",
                    "-c", "insert 5 00", "-c", "delete 5 1", "-c", "insert 5 00", "-c", "delete 5 1",
                ],
                captureOutput: true, environment: state.environment)
            usleep(useconds_t(delay))
            kill(run.pid, SIGKILL)
            #expect(run.wait())
            guard run.wasKilledBySignal, !state.journals.isEmpty else { continue }
            let result = try hexmap([file.path, "--recover", "keep"], state)
            #expect(result.exitStatus == 0, "\(result.standardError)")
            // The patches are kept; the shifts come in pairs, so the completed ones cancel out
            // and the cut-off one is undone.
            if result.standardError.contains("cut off half way") {
                kept = true
                let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
                if size == 268_435_456 {
                    #expect(try HeadlessRun.tool("cmp", [reference, file.path]).status == 0)
                }
            }
            try FileManager.default.removeItem(atPath: file.path)
            try HeadlessRun.tool("sh", ["-c", "head -c 268435456 /dev/zero | tr '\\0' 'x' > '\(file.path)'"])
                .expectSuccess()
        }
        #expect(kept, "no kill landed in the middle of a shift")
    }

    /// A run that patches the first bytes, then keeps the file busy (a long search), killed
    /// once the patches are in the file: it leaves a journal of two unsynced edits.
    func killedSession(on file: TemporaryFile, _ state: State) throws {
        try HeadlessRun.tool("sh", ["-c", "head -c 536870912 /dev/zero | tr '\\0' 'a' > '\(file.path)'"])
            .expectSuccess()
        let run = try BackgroundProcess(
            hexmapExecutable().path,
            [
                file.path, "-c", "patch 0 41", "-c", "patch 1 42", "-c", #"find "no such thing" count"#, "-c",
                "find 7a count",
            ],
            captureOutput: true, environment: state.environment)
        let deadline = Date().addingTimeInterval(20)
        while firstBytes(file.path) != [0x41, 0x42] && Date() < deadline { usleep(5_000) }
        kill(run.pid, SIGKILL)
        #expect(run.wait())
        #expect(run.wasKilledBySignal)
    }

    func firstBytes(_ path: String) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: 2)) ?? Data())
    }

    @Test func aDamagedJournalIsReportedAndNeverAppliedHalf() throws {
        let state = State()
        let file = TemporaryFile([])
        try killedSession(on: file, state)
        let journal = try #require(state.journals.first { $0.hasSuffix(".journal") })
        let path = state.directory + "/hexmap/journals/" + journal
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes[bytes.count - 20] ^= 0xFF
        _ = FileManager.default.createFile(atPath: path, contents: bytes)
        let refused = try hexmap([file.path, "--recover", "rollback"], state)
        #expect(refused.exitStatus == 1)
        #expect(refused.standardError.contains("damaged"), "\(refused.standardError)")
        #expect(firstBytes(file.path) == [0x41, 0x42], "nothing applied")
        let discarded = try hexmap([file.path, "--recover", "discard"], state)
        #expect(discarded.exitStatus == 0)
        #expect(state.journals.isEmpty)
        #expect(try hexmap([file.path, "-c", "patch 0 61"], state).exitStatus == 0)
    }

    @Test func cleanEndsLeaveNoJournal() throws {
        let state = State()
        let file = TemporaryFile("abcdef")
        for arguments in [
            ["-c", "patch 0 41"], ["-c", "patch 0 42", "--no-sync"], ["-c", "patch 0 43", "-c", "patch 99 00"],
        ] {
            _ = try hexmap([file.path] + arguments, state)
            #expect(state.journals.isEmpty, "after \(arguments)")
        }
        for input in ["patch 0 44\nwq\n", "patch 0 45\nq!\n", "patch 0 46\n"] {
            let repl = try BackgroundProcess(
                "/bin/sh",
                [
                    "-c",
                    "printf '\(input.replacingOccurrences(of: "\n", with: "\\n"))' | '\(hexmapExecutable().path)' '\(file.path)' --repl",
                ],
                captureOutput: true, environment: state.environment)
            #expect(repl.wait())
            #expect(state.journals.isEmpty, "after the REPL ran \(input.debugDescription)")
        }
        #expect(file.bytes == Array("Fbcdef".utf8))
    }

    @Test func aJournalOfAReplacedFileIsNeverApplied() throws {
        let state = State()
        let file = TemporaryFile([])
        try killedSession(on: file, state)
        #expect(!state.journals.isEmpty)
        // The path now names a new file (rotation): the old journal belongs to the old one.
        let replacement = file.path + ".new"
        _ = FileManager.default.createFile(atPath: replacement, contents: Data("new file".utf8))
        #expect(rename(replacement, file.path) == 0)
        let edit = try hexmap([file.path, "-c", "patch 0 4e"], state)
        #expect(edit.exitStatus == 0, "\(edit.standardError)")
        #expect(
            edit.standardError.contains("belongs to the file that was at this path before it was replaced"),
            "\(edit.standardError)")
        #expect(file.bytes == Array("New file".utf8))
    }
}
