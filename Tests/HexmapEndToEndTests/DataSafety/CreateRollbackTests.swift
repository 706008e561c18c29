import Foundation
import TestSupport
import Testing

/// A failed script leaves the disk as it found it, the file's existence and size included;
/// `--private` never changes the file.
@Suite struct CreateRollbackTests {
    @Test func aFileCreatedByAFailedScriptIsRemoved() throws {
        let scratch = TemporaryFile([])
        let path = scratch.directory + "/c1"
        let result = try HeadlessRun.hexmap([path, "--create", "2m", "-c", "patch 0 41", "-c", "patch 99999999 00"])
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFileGrownByAFailedScriptGetsItsSizeBack() throws {
        let file = TemporaryFile(Array("small".utf8))
        let result = try HeadlessRun.hexmap([
            file.path, "--create", "2m", "-c", "patch 0 41", "-c", "patch 99999999 00",
        ])
        #expect(result.status == 1)
        #expect(file.bytes == Array("small".utf8))
    }

    @Test func aPrivateCreateNeverTouchesTheFile() throws {
        let file = TemporaryFile(Array("small".utf8))
        let result = try HeadlessRun.hexmap([
            file.path, "--private", "--create", "2m", "-c", "patch 1m 41", "-c", "info",
        ])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("size: 2097152"))
        #expect(file.bytes == Array("small".utf8))
        let missing = file.directory + "/none"
        let refused = try HeadlessRun.hexmap([missing, "--private", "--create", "2m", "-c", "info"])
        #expect(refused.status == 1)
        #expect(refused.err.contains("--private never creates a file"))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
