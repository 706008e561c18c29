import Foundation
import Testing

/// File names are bytes: `hexmap dump` opens and creates exactly the names it is given (UTF-8 or
/// not), and a name never reaches the terminal as raw control bytes.
///
/// Foundation passes arguments as `String`s, so these tests name their files through the shell,
/// with `printf` octal escapes (`\351` is the Latin-1 byte of `é`, not UTF-8).
@Suite struct DumpFileNameTests {
    let hexmap = DumpTestSupport.hexmap
    let xxd = DumpTestSupport.xxd

    /// `$(printf 'NAME')` for the shell.
    func name(_ printfFormat: String) -> String { "\"$(printf '\(printfFormat)')\"" }

    @Test func anInputNameThatIsNotUTF8IsDumpedLikeXXD() {
        let directory = DumpTestSupport.makeDirectory("latin1-input")
        let input = name("lat1\\351.bin")
        _ = DumpTestSupport.shell("printf 'latin-1 named bytes' > \(input)", in: directory)
        for options in ["", "-i", "-i -C", "-p"] {
            let expected = DumpTestSupport.shell("\(xxd) \(options) \(input)", in: directory)
            let actual = DumpTestSupport.shell("\(hexmap) dump \(options) \(input)", in: directory)
            #expect(actual == expected, "dump \(options): \(firstDifference(actual.stdout, expected.stdout))")
            #expect(actual.status == 0)
        }
        // -n's name is bytes too: xxd spells each byte that is not a letter or digit as `_`.
        let named = DumpTestSupport.shell("\(hexmap) dump -i -n \(name("x\\351y")) \(input)", in: directory)
        let namedByXXD = DumpTestSupport.shell("\(xxd) -i -n \(name("x\\351y")) \(input)", in: directory)
        #expect(named == namedByXXD)
    }

    @Test func reverseWritesTheOutputNameGiven() {
        let directory = DumpTestSupport.makeDirectory("latin1-output")
        DumpTestSupport.write(DumpFixtures.bytes("text"), to: directory + "/in")
        let output = name("out\\351.bin")
        let run = DumpTestSupport.shell("\(xxd) in | \(hexmap) dump -r - \(output) && cmp in \(output)", in: directory)
        #expect(run.status == 0, "the named file holds the bytes")
        // Nothing else appeared (no `out\u{FFFD}.bin`, no temporary file).
        let listing = DumpTestSupport.shell("ls -A -I 'stdout-*' | od -An -c | tr -d ' \\n'", in: directory)
        #expect(String(decoding: listing.stdout, as: UTF8.self) == "in\\nout351.bin\\n")
    }

    /// `a\351` and `a\352` read the same as text (`a\u{FFFD}`): a lookup by text would write the
    /// reversed bytes over the dump itself.
    @Test func namesThatReadTheSameStayApart() {
        let directory = DumpTestSupport.makeDirectory("same-text")
        let dump = "00000000: 4142 4344  ABCD\n"
        let input = name("a\\351")
        let output = name("a\\352")
        DumpTestSupport.write(Array(dump.utf8), to: directory + "/dump")
        _ = DumpTestSupport.shell("mv dump \(input)", in: directory)
        let run = DumpTestSupport.shell("\(hexmap) dump -r \(input) \(output)", in: directory)
        #expect(run.status == 0)
        #expect(DumpTestSupport.shell("printf ABCD | cmp - \(output)", in: directory).status == 0)
        let kept = DumpTestSupport.shell("cat \(input)", in: directory)
        #expect(String(decoding: kept.stdout, as: UTF8.self) == dump, "the dump itself is unchanged")
    }

    /// Standard error of `hexmap dump ARGS` (shell words), and its exit status.
    func errorOutput(_ arguments: String, in directory: String) -> (text: [UInt8], status: Int32) {
        let outcome = DumpTestSupport.shell("\(hexmap) dump \(arguments) 2>&1 >/dev/null", in: directory)
        return (outcome.stdout, outcome.status)
    }

    @Test func namesInMessagesAreEscaped() {
        let directory = DumpTestSupport.makeDirectory("escaped-names")
        DumpTestSupport.write([1, 2, 3], to: directory + "/in")
        let evil = name("evil\\033]0;PWNED\\007\\033[2J.bin")
        let cases: [(arguments: String, status: Int32, shown: String)] = [
            (evil, 2, "evil\\e]0;PWNED\\x07\\e[2J.bin"),  // no such input
            ("in no-such-directory/\(evil)", 3, "no-such-directory/evil\\e]0;PWNED"),  // output not created
            ("-r in no-such-directory/\(evil)", 3, "no-such-directory/evil\\e]0;PWNED"),
            (name("lat1\\351.bin"), 2, "lat1\\xe9.bin"),  // not UTF-8: shown as \xHH
            (name("\\055\\033[2J"), 1, "'-\\e[2J'"),  // an unknown option (`-ESC[2J`) is a word from outside too
        ]
        for item in cases {
            let (text, status) = errorOutput(item.arguments, in: directory)
            #expect(status == item.status, "\(item.arguments)")
            #expect(!text.contains(0x1b) && !text.contains(0x07), "\(item.arguments): raw control bytes")
            #expect(String(decoding: text, as: UTF8.self).contains(item.shown), "\(item.arguments)")
        }
    }
}
