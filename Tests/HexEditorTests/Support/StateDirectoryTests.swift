import Foundation
import SystemPackage
import TestSupport
import Testing

@testable import HexEditor

@Suite("State directory")
struct StateDirectoryTests {
    @Test func missingDirectoriesAreMadeOwnerOnly() throws {
        let scratch = TemporaryFile()
        let home = FilePath(scratch.directory).appending("state/deeper")
        let made = try #require(StateDirectory.directory(["journals"], under: home))
        #expect(made == home.appending("hexmap/journals"))
        for path in [home.appending("hexmap"), made] {
            let attributes = try FileManager.default.attributesOfItem(atPath: path.string)
            #expect(attributes[.type] as? FileAttributeType == .typeDirectory)
            #expect((attributes[.posixPermissions] as? Int) == 0o700, "\(path)")
        }
        // Again: it exists now, and is the same answer.
        #expect(StateDirectory.directory(["journals"], under: home) == made)
    }

    @Test func aFileInTheWayOrNoHomeIsNoDirectory() throws {
        let scratch = TemporaryFile([1, 2, 3], name: "hexmap")
        #expect(StateDirectory.directory(["locks"], under: FilePath(scratch.directory)) == nil)
        #expect(StateDirectory.directory(["locks"], under: nil) == nil)
    }
}
