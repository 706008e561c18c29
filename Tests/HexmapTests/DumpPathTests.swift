import Testing

@testable import hexmap

/// How the dump's messages show a path.
@Suite struct DumpPathTests {
    @Test func aPathIsShownEscapedWithTheBytesTyped() {
        #expect(DumpPath(bytes: Array("evil".utf8) + [0x1b, 0x5d, 0x07, 0xe9]).shown == "evil\\e]\\x07\\xe9")
        #expect(DumpPath("a\\b").shown == "a\\\\b")
        // A trailing slash stays: `file/` is what open(2) refused, and the message says so.
        #expect(DumpPath("dir/file/").shown == "dir/file/")
    }
}
