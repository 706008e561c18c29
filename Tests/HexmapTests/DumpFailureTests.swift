import IOMMap
import SystemPackage
import Testing

@testable import hexmap

/// The dump's messages for failed mapped reads and writes.
@Suite struct DumpFailureTests {
    @Test func aFullDiskIsReportedAsSuchNeverAsATruncation() {
        let full = DumpFailure.input(DumpPath("sparse"), .system(operation: "page fault", errno: .noSpace))
        #expect(full.message == "sparse: no space left on device")
        #expect(full.exitStatus == 2)
        let patched = DumpFailure.output(DumpPath("target"), .system(operation: "fallocate", errno: .noSpace))
        #expect(patched.message == "target: no space left on device")
        #expect(patched.exitStatus == 3)
        let truncated = DumpFailure.input(DumpPath("sparse"), .busError)
        #expect(truncated.message.contains("shrank") && truncated.message.contains("another process"))
    }
}
