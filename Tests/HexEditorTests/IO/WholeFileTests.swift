import Foundation
import SystemPackage
import TestSupport
import Testing

@testable import HexEditor

@Suite("Whole-file reads and writes")
struct WholeFileTests {
    @Test func replacingLeavesExactlyTheNewBytes() throws {
        let file = TemporaryFile(Array("a much longer old note\n".utf8))
        try FilePath(file.path).writeContents(Array("1234\n".utf8))
        #expect(file.bytes == Array("1234\n".utf8))
        try FilePath(file.path).writeContents([])
        #expect(file.bytes == [])
        #expect(file.sizeOnDisk == 0)
    }

    @Test func aMissingFileIsMadeOwnerOnly() throws {
        let file = TemporaryFile()
        try FilePath(file.path).writeContents([1, 2, 3])
        #expect(file.bytes == [1, 2, 3])
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func appendingKeepsWhatWasThere() throws {
        let file = TemporaryFile([1, 2])
        try FilePath(file.path).writeContents([3], appending: true)
        #expect(file.bytes == [1, 2, 3])
        #expect(try FilePath(file.path).readContents(limit: 2) == [1, 2])
    }

    @Test func aDirectoryInTheWayIsAnError() {
        let file = TemporaryFile()
        #expect(throws: Errno.self) { try FilePath(file.directory).writeContents([1]) }
    }
}
