import SystemPackage
import Testing

@testable import HexEditor

/// The byte-level path helpers say what FilePath's component API says, on every shape of path.
@Suite("FilePath bytes")
struct FilePathBytesTests {
    static let paths = [
        "", "/", "a", "/a", "a/b", "/a/b", "/a/b/", "a//b", "./x", "../", "//a", "/a/./b/..", "a b/c\u{1B}d",
        "dir/\u{E9}t\u{E9}.bin",
    ]

    @Test(arguments: paths)
    func bytesLastComponentAndParentAgreeWithFilePath(_ text: String) {
        let path = FilePath(text)
        #expect(path.bytes == Array(path.string.utf8))
        #expect(path.lastComponentBytes == Array((path.lastComponent?.string ?? "").utf8))
        #expect(path.parentDirectory == path.removingLastComponent())
        #expect(FilePath(bytes: path.bytes) == path)
    }

    @Test func nonUTF8BytesSurviveTheRoundTrip() {
        let bytes: [UInt8] = [0x64, 0x2F, 0xFF, 0xFE, 0x2E, 0x62]  // d/\xff\xfe.b
        let path = FilePath(bytes: bytes)
        #expect(path.bytes == bytes)
        #expect(path.lastComponentBytes == [0xFF, 0xFE, 0x2E, 0x62])
        #expect(path.parentDirectory.bytes == [0x64])
    }
}
