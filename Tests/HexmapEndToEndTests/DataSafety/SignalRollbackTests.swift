import Foundation
import TestSupport
import Testing

/// Ctrl-C, SIGTERM and SIGHUP during a headless script stop it at a safe point, roll its
/// edits back, and exit 128 + the signal.
@Suite(.serialized) struct SignalRollbackTests {
    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130)), (SIGHUP, Int32(129))])
    func aSignalDuringAFillRollsTheScriptBack(signal: Int32, status: Int32) throws {
        let file = TemporaryFile([])
        truncate(file.path, 512 << 20)
        var stopped = false
        for delay in [150_000, 300_000, 600_000, 1_000_000] where !stopped {
            let run = try BackgroundProcess(
                hexmapExecutable().path,
                [file.path, "-c", "patch 0 \"ZZ\"", "-c", "fill 0 512m 41", "-c", "patch 99999999999 00"],
                captureOutput: true)
            usleep(useconds_t(delay))
            kill(run.pid, signal)
            #expect(run.wait(timeout: 120))
            if run.exitStatus == status && !run.wasKilledBySignal {
                stopped = true
                #expect(run.standardError.contains("rolled back"), "\(run.standardError)")
            }
            let check = try HeadlessRun.tool("cmp", ["-n", "\(512 << 20)", file.path, "/dev/zero"])
            #expect(
                check.status == 0,
                "after exit \(String(describing: run.exitStatus)) the file must be untouched: \(check.out)")
        }
        #expect(stopped, "no signal arrived while the script ran")
    }
}
