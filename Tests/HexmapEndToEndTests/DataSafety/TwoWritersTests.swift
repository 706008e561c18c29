import Foundation
import TestSupport
import Testing

/// Two runs that edit one file never interleave: the second waits briefly for the first,
/// then fails naming it; runs that only read take no lock.
@Suite(.serialized) struct TwoWritersTests {
    @Test func aSecondEditWaitsThenFailsNamingTheHolder() throws {
        let file = TemporaryFile(Array("0123456789".utf8))
        // A script that edits and then follows the file holds it until stopped.
        let holder = try BackgroundProcess(
            hexmapExecutable().path, [file.path, "-c", "patch 0 41", "-c", "follow on"], captureOutput: true)
        defer { holder.terminate() }
        let deadline = Date().addingTimeInterval(10)
        while file.bytes.first != 0x41 && Date() < deadline { usleep(20_000) }
        let second = try HeadlessRun.hexmap([file.path, "-c", "insert 0 \"BBBB\""])
        #expect(second.status == 1)
        #expect(second.err.contains("is being edited by hexmap (pid \(holder.pid))"), "\(second.err)")
        #expect(file.bytes == Array("A123456789".utf8))
        let reader = try HeadlessRun.hexmap([file.path, "-c", "print 0 4"])
        #expect(reader.status == 0, "a run that only reads needs no lock")
        kill(holder.pid, SIGTERM)
        #expect(holder.wait())
        #expect(holder.exitStatus == 143)
        let third = try HeadlessRun.hexmap([file.path, "-c", "insert 0 \"BBBB\""])
        #expect(third.status == 0, "\(third.err)")
        #expect(file.bytes == Array("BBBBA123456789".utf8))
    }

    @Test func concurrentInsertsNeverCorruptTheTail() throws {
        let original = (0..<(4 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let file = TemporaryFile(original)
        let insert = String(repeating: "ab", count: 2000)
        let runs = try (0..<2).map { _ in
            try BackgroundProcess(
                hexmapExecutable().path, [file.path, "-c", "insert 0 \(insert)"], captureOutput: true)
        }
        for run in runs { #expect(run.wait(timeout: 60)) }
        let succeeded = runs.filter { $0.exitStatus == 0 }.count
        for run in runs where run.exitStatus != 0 {
            #expect(run.standardError.contains("is being edited by hexmap"), "\(run.standardError)")
        }
        let bytes = file.bytes
        #expect(bytes.count == original.count + 2000 * succeeded)
        #expect(same(Array(bytes[(2000 * succeeded)...]), original), "the original follows the inserts, intact")
    }
}
