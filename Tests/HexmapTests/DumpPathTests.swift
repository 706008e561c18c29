import Testing

@testable import hexmap

/// How the dump shows a path in its messages, and where it puts a new file's temporary twin.
@Suite struct DumpPathTests {
    @Test func aPathIsShownEscapedWithTheBytesTyped() {
        #expect(DumpPath(bytes: Array("evil".utf8) + [0x1b, 0x5d, 0x07, 0xe9]).shown == "evil\\e]\\x07\\xe9")
        #expect(DumpPath("a\\b").shown == "a\\\\b")
        // A trailing slash stays: `file/` is what open(2) refused, and the message says so.
        #expect(DumpPath("dir/file/").shown == "dir/file/")
    }

    @Test func aNewFilesTwinGoesInItsDirectory() {
        #expect(DumpPath("out.bin").directory == [])
        #expect(DumpPath("/tmp/x/out.bin").directory == Array("/tmp/x/".utf8))
        #expect(DumpPath("/out.bin").directory == Array("/".utf8))
    }
}
