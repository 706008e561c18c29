import Foundation
import Testing

/// `find` headless: the contract's output forms, its options, and malformed patterns.
@Suite struct FindCommandTests {
    @Test func everyFormOfTheAnswer() throws {
        let file = TestFile("PK..pk..PKxPK")
        let plain = try HeadlessRun.hexmap([
            file.path, "-c", #"find "PK""#, "-c", #"find "PK" from 3"#, "-c", #"find i"pk" all"#, "-c", #"find "PK" count"#,
            "-c", #"find "PK" to 11"#, "-c", #"find "PK" back from 11"#, "-c", "find 50 4? back from 1", "-c", "find 7a7a",
        ])
        #expect(plain.status == 0, "not found is not an error")
        // Without from, a find starts at the cursor, which the previous find moved (not all, not count).
        #expect(plain.out.split(separator: "\n") == ["0x0", "0x8", "0x8", "0xb", "2", "0x8", "0x8", "0x0", "not found"])
        let json = try HeadlessRun.hexmap([
            file.path, "--json", "-c", #"find "PK" count"#, "-c", "find ?b all", "-c", "find 7a",
        ])
        #expect(json.out.split(separator: "\n") == [
            #"{"pattern":"504b","count":3}"#, #"{"pattern":"?b","offset":1}"#, #"{"pattern":"?b","offset":5}"#,
            #"{"pattern":"?b","offset":9}"#, #"{"pattern":"?b","offset":12}"#, #"{"pattern":"7a","offset":null}"#,
        ])
    }

    @Test func findMovesTheCursorButAllAndCountDoNot() throws {
        let file = TestFile("..AB..AB")
        let result = try HeadlessRun.hexmap([
            file.path, "-c", #"find "AB" all"#, "-c", #"find "AB" count"#, "-c", "print", "-c", #"find "AB""#, "-c", "print",
        ])
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines[0...2] == ["0x2", "0x6", "2"])
        #expect(lines[3].hasPrefix("00000000: 2e2e"), "all and count left the cursor at 0")
        #expect(lines[4] == "0x2")
        #expect(lines[5].hasPrefix("00000002: 4142"), "find moved it to the match")
    }

    @Test(arguments: ["find 4", "find ???", "find zz", "find", #"find "PK"#, "find 00 from", "find 00 all count"])
    func malformedPatternsAreSyntaxErrorsThatChangeNothing(line: String) throws {
        let file = TestFile("abc")
        let result = try HeadlessRun.hexmap([file.path, "-c", "patch 0 41", "-c", line])
        #expect(result.status == 2, "\(result.err)")
        #expect(result.err.hasPrefix("-c:2:"))
        #expect(file.bytes == Array("abc".utf8))
    }
}
