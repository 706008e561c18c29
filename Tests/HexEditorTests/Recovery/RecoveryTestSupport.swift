import Foundation
import TestSupport

@testable import HexEditor

/// Recovery tests keep their journals in the test process's state directory
/// (`HexmapEnvironment`), so they never meet a real session's, and clean up what they leave.
enum RecoveryTestSupport {
    static var stateHome: String {
        _ = HexmapEnvironment.inProcess
        return HexmapEnvironment.stateHome
    }

    /// The journal files (journal, slot, undo files) of the file at `path`, by name.
    static func journalFiles(of path: String) -> [String] {
        _ = stateHome
        var status = stat()
        guard stat(path, &status) == 0 else { return [] }
        let prefix = "\(UInt64(status.st_dev))-\(UInt64(status.st_ino)).journal"
        let directory = stateHome + "/hexmap/journals"
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasPrefix(prefix) }
            .map { directory + "/" + $0 }
    }

    /// Ends `session` as a SIGKILL here would: it is closed, then the file and its journal are
    /// put back as they were before the close.
    static func kill(_ session: Document, of path: String) {
        let crash = Crash(of: path)
        session.close()
        crash.restore(to: path)
    }

    /// A copy of the file and its journal as they are now: what a process killed here leaves.
    struct Crash {
        let file: [UInt8]
        let journal: [String: Data]

        init(of path: String) {
            file = (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
            var journal: [String: Data] = [:]
            for name in RecoveryTestSupport.journalFiles(of: path) {
                journal[name] = FileManager.default.contents(atPath: name)
            }
            self.journal = journal
        }

        /// Puts the file and the journal back as they were at the crash.
        func restore(to path: String) {
            for name in RecoveryTestSupport.journalFiles(of: path) { try? FileManager.default.removeItem(atPath: name) }
            let handle = FileHandle(forWritingAtPath: path)!
            try? handle.truncate(atOffset: 0)
            try? handle.write(contentsOf: Data(file))
            try? handle.close()
            for (name, data) in journal { _ = FileManager.default.createFile(atPath: name, contents: data) }
        }
    }
}
