import Foundation
import TestSupport
import Testing

/// `find` headless: the contract's output forms, its options, and malformed patterns.
@Suite struct FindCommandTests {
    @Test func everyFormOfTheAnswer() throws {
        let file = TemporaryFile("PK..pk..PKxPK")
        let plain = try HeadlessRun.hexmap([
            file.path, "-c", #"find "PK""#, "-c", #"find "PK" from 3"#, "-c", #"find i"pk" all"#, "-c",
            #"find "PK" count"#,
            "-c", #"find "PK" to 11"#, "-c", #"find "PK" back from 11"#, "-c", "find 50 4? back from 1", "-c",
            "find 7a7a",
        ])
        #expect(plain.status == 0, "not found is not an error")
        // Without from, a find starts at the cursor, which the previous find moved (not all, not count).
        #expect(
            plain.out.split(separator: "\n") == ["0x0", "0x8", "0x8", "0xb", "2", "0x8", "0x8", "0x0", "not found"])
        let json = try HeadlessRun.hexmap([
            file.path, "--json", "-c", #"find "PK" count"#, "-c", "find ?b all", "-c", "find 7a",
        ])
        #expect(
            json.out.split(separator: "\n") == [
                #"{"pattern":"504b","count":3}"#, #"{"pattern":"?b","offset":1}"#, #"{"pattern":"?b","offset":5}"#,
                #"{"pattern":"?b","offset":9}"#, #"{"pattern":"?b","offset":12}"#, #"{"pattern":"7a","offset":null}"#,
            ])
    }

    @Test func findMovesTheCursorButAllAndCountDoNot() throws {
        let file = TemporaryFile("..AB..AB")
        let result = try HeadlessRun.hexmap([
            file.path, "-c", #"find "AB" all"#, "-c", #"find "AB" count"#, "-c", "print", "-c", #"find "AB""#, "-c",
            "print",
        ])
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines[0...2] == ["0x2", "0x6", "2"])
        #expect(lines[3].hasPrefix("00000000: 2e2e"), "all and count left the cursor at 0")
        #expect(lines[4] == "0x2")
        #expect(lines[5].hasPrefix("00000002: 4142"), "find moved it to the match")
    }

    /// Another process cuts the file while `find … all` runs: the matches found so far are
    /// printed, then a clear error; never a crash.
    @Test func aFileCutDuringASearchKeepsWhatWasFound() throws {
        let file = TemporaryFile([])
        let markers = (0..<64).map { $0 * (4 << 20) + 12345 }
        let setup =
            ["head -c 268435456 /dev/zero > '\(file.path)'"]
            + markers.map { "printf MARK | dd of='\(file.path)' bs=1 seek=\($0) conv=notrunc status=none" }
        try HeadlessRun.tool("sh", ["-c", setup.joined(separator: "; ")]).expectSuccess()
        let copy = file.path + ".full"
        try FileManager.default.copyItem(atPath: file.path, toPath: copy)
        var landed = false
        for delay in [5_000, 20_000, 50_000, 100_000, 200_000] where !landed {
            let run = try BackgroundProcess(
                hexmapExecutable().path, [file.path, "-r", "-c", #"find "MARK" all"#], captureOutput: true)
            usleep(useconds_t(delay))
            truncate(file.path, 32 << 20)
            #expect(run.wait(timeout: 60))
            let found = run.standardOutput.split(separator: "\n").map(String.init)
            #expect(
                found == Array(markers.prefix(found.count)).map { "0x" + String($0, radix: 16) },
                "the matches found, in order")
            if run.exitStatus == 1 {
                landed = true
                #expect(
                    run.standardError.contains("the file shrank during the search after \(found.count) matches"),
                    "\(run.standardError)")
            }
            try FileManager.default.removeItem(atPath: file.path)
            try FileManager.default.copyItem(atPath: copy, toPath: file.path)
        }
        #expect(landed, "no cut landed during the search")
    }

    @Test(arguments: ["find 4", "find ???", "find zz", "find", #"find "PK"#, "find 00 from", "find 00 all count"])
    func malformedPatternsAreSyntaxErrorsThatChangeNothing(line: String) throws {
        let file = TemporaryFile("abc")
        let result = try HeadlessRun.hexmap([file.path, "-c", "patch 0 41", "-c", line])
        #expect(result.status == 2, "\(result.err)")
        #expect(result.err.hasPrefix("-c:2:"))
        #expect(file.bytes == Array("abc".utf8))
    }
}
