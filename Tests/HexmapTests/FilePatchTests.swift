import Foundation
import HexDump
import IOMMap
import SystemPackage
import Testing

@testable import hexmap

/// A reversed dump applied to an existing file: fully, or not at all.
@Suite struct FilePatchTests {
    let original = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }

    func makeFile() throws -> String {
        let path = NSTemporaryDirectory() + "hexmap-file-patch-\(UUID().uuidString)"
        try Data(original).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Three runs: inside the file, past its end (the file grows), inside again.
    func makePatches() throws -> XXDPatchSet {
        var patches = XXDPatchSet()
        for (position, byte) in [(100, 0xAA), (9_990, 0xBB), (5_000, 0xCC)] {
            try [UInt8](repeating: UInt8(byte), count: 50).withUnsafeBytes { try patches.write($0, at: position) }
        }
        return patches
    }

    @Test func aWriteThatFailsHalfWayPutsEveryByteAndTheSizeBack() throws {
        let path = try makeFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var patch = FilePatch(patches: try makePatches(), path: DumpPath(path))
        var calls = 0
        // The first two runs land, the third meets a full disk.
        patch.write = { (file, bytes, position) throws(MapError) in
            calls += 1
            guard calls < 3 else { throw .system(operation: "page fault", errno: .noSpace) }
            try file.write(from: bytes, at: position)
        }
        #expect(throws: DumpFailure.self) { try patch.apply() }
        #expect(calls == 3)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(original), "bytes and size as before")
    }

    @Test func aPatchThatSucceedsIsWhole() throws {
        let path = try makeFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FilePatch(patches: try makePatches(), path: DumpPath(path)).apply()
        var expected = original + [UInt8](repeating: 0, count: 40)
        expected.replaceSubrange(100..<150, with: repeatElement(0xAA, count: 50))
        expected.replaceSubrange(9_990..<10_040, with: repeatElement(0xBB, count: 50))
        expected.replaceSubrange(5_000..<5_050, with: repeatElement(0xCC, count: 50))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(expected))
    }
}
