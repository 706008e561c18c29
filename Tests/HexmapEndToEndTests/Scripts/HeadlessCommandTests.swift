import Foundation
import TestSupport
import Testing

/// Every command headless, through the built binary, with the bytes on disk checked by
/// tools that are not ours (xxd, od, cmp).
@Suite struct HeadlessCommandTests {
    private func hexmap(_ file: TemporaryFile, _ commands: [String], extra: [String] = []) throws -> ProcessResult {
        try HeadlessRun.hexmap([file.path] + commands.flatMap { ["-c", $0] } + extra)
    }

    private func xxdPlain(_ file: TemporaryFile) throws -> String {
        try HeadlessRun.tool("xxd", ["-p", "-c", "256", file.path]).out.trimmingCharacters(in: .newlines)
    }

    @Test func patchOverwritesInPlace() throws {
        let file = TemporaryFile("Hello, world")
        let result = try hexmap(file, ["patch 7 57", "patch 0 \"J\""])
        #expect(result.status == 0)
        #expect(result.out == "")
        #expect(try xxdPlain(file) == "4a656c6c6f2c20576f726c64")
    }

    @Test func fillOverwritesARange() throws {
        let file = TemporaryFile("abcdefghij")
        #expect(try hexmap(file, ["fill 2 $-4 2d"]).status == 0)
        #expect(
            try HeadlessRun.tool("od", ["-An", "-c", file.path]).out.split(separator: " ").joined(separator: " ")
                == "a b - - - - - - i j\n")
    }

    @Test func insertAndDeleteShiftTheTail() throws {
        let file = TemporaryFile("0123456789")
        #expect(try hexmap(file, ["insert 5 \"--\"", "delete 0 2", "insert $ 0a"]).status == 0)
        #expect(file.bytes == Array("234--56789\n".utf8))
        #expect(try xxdPlain(file) == "3233342d2d35363738390a")
    }

    @Test func printIsByteIdenticalToXXD() throws {
        var bytes = [UInt8]()
        for index in 0..<1000 { bytes.append(UInt8(truncatingIfNeeded: index * 7 + index / 13)) }
        let file = TemporaryFile(bytes)
        for (offset, length) in [(0, 1000), (3, 21), (17, 1), (999, 5), (512, 0), (1000, 16), (0, 16), (15, 33)] {
            let ours = try hexmap(file, ["print \(offset) \(length)"])
            let xxd = try HeadlessRun.tool("xxd", ["-s", "\(offset)", "-l", "\(length)", file.path])
            #expect(ours.status == 0)
            #expect(ours.stdout == xxd.stdout, "print \(offset) \(length)")
        }
        let whole = try hexmap(file, ["print 0 $"])
        #expect(whole.stdout == (try HeadlessRun.tool("xxd", [file.path])).stdout)
    }

    @Test func printOfALargeRangeStreams() throws {
        let bytes = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 ^ ($0 >> 11)) }
        let file = TemporaryFile(bytes)
        let ours = try hexmap(file, ["print 0x123 $-0x200"])
        let xxd = try HeadlessRun.tool("xxd", ["-s", "0x123", "-l", "\(bytes.count - 0x200)", file.path])
        #expect(ours.status == 0)
        #expect(ours.stdout.count == xxd.stdout.count)
        #expect(ours.stdout == xxd.stdout)
    }

    @Test func findPrintsOffsetsInHex() throws {
        let file = TemporaryFile("..\u{7f}ELF..\u{7f}ELF..")
        let first = try hexmap(file, ["find 7f 45 4c 46"])
        #expect(first.out == "0x2\n")
        let all = try hexmap(file, ["find 7f454c46 all"])
        #expect(all.out == "0x2\n0x8\n")
        let from = try hexmap(file, ["find \"ELF\" from 4"])
        #expect(from.out == "0x9\n")
        let none = try hexmap(file, ["find \"PNG\""])
        #expect(none.status == 0)
        #expect(none.out == "not found\n")
    }

    @Test func gotoMovesTheCursorThatPrintAndFindStartFrom() throws {
        let file = TemporaryFile("abcdefghijklmnopqrstuvwxyz")
        let result = try hexmap(file, ["goto 0x10", "print", "goto -6", "find \"k\"", "goto $-2", "print"])
        #expect(result.status == 0)
        #expect(
            result.out == """
                00000010: 7172 7374 7576 7778 797a                 qrstuvwxyz
                0xa
                00000018: 797a                                     yz

                """)
    }

    @Test func syncAndWAndAdviseSucceed() throws {
        let file = TemporaryFile([UInt8](repeating: 0x41, count: 8192))
        let result = try hexmap(
            file,
            [
                "patch 0 42", "sync", "patch 1 42", "w", "sync async", "advise willneed", "advise sequential 0 4k",
                "advise dontneed 100 10", "advise random", "advise normal",
            ])
        #expect(result.status == 0, "\(result.err)")
        #expect(try HeadlessRun.tool("xxd", ["-l", "4", file.path]).out.hasPrefix("00000000: 4242 4141"))
    }

    @Test func resizeTruncatesAndExtends() throws {
        let file = TemporaryFile("0123456789")
        #expect(try hexmap(file, ["resize 4"]).status == 0)
        #expect(try HeadlessRun.tool("stat", ["-c", "%s", file.path]).out == "4\n")
        #expect(try hexmap(file, ["resize 0x10"]).status == 0)
        #expect(try xxdPlain(file) == "30313233000000000000000000000000")
        #expect(try hexmap(file, ["resize $-8"]).status == 0)
        #expect(try xxdPlain(file) == "3031323300000000")
    }

    @Test func undoAndRedoWalkTheJournal() throws {
        let file = TemporaryFile("abcdef")
        let result = try hexmap(file, ["patch 0 41", "insert 1 \"xy\"", "resize 3", "undo", "undo", "redo"])
        #expect(result.status == 0)
        #expect(file.bytes == Array("Axybcdef".utf8))
    }

    @Test func infoPrintsKeyValueLines() throws {
        let file = TemporaryFile("abcdef")
        let result = try hexmap(file, ["patch 0 00", "info"])
        #expect(
            result.out == """
                path: \(file.path)
                size: 6
                mode: read-write
                sharing: shared
                page_size: \(try HeadlessRun.tool("getconf", ["PAGESIZE"]).out.trimmingCharacters(in: .whitespacesAndNewlines))
                unsynced_edits: 1

                """)
        let readOnly = try hexmap(file, ["info"], extra: ["-r", "--private"])
        #expect(readOnly.out.contains("mode: read-only\nsharing: private\n"))
    }

    @Test func jsonWritesOneObjectALine() throws {
        let file = TemporaryFile("PNG..PNG")
        let result = try hexmap(file, ["find \"PNG\" all", "print 0 3", "info"], extra: ["--json"])
        #expect(result.status == 0)
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any], "\(line)")
        }
        #expect(lines[0] == #"{"pattern":"504e47","offset":0}"#)
        #expect(lines[1] == #"{"pattern":"504e47","offset":5}"#)
        #expect(lines[2] == #"{"offset":0,"hex":"504e47","ascii":"PNG"}"#)
        let info = try JSONSerialization.jsonObject(with: Data(lines[3].utf8)) as? [String: Any]
        #expect(info?["size"] as? Int == 8)
        #expect(info?["path"] as? String == file.path)
    }

    @Test func scriptFromAFileAndFromStandardInput() throws {
        let file = TemporaryFile("abcdef")
        let script = file.sibling("edit.hexmap", Array("# comment\n\n:patch 0 41\r\nprint 0 2\n".utf8))
        let fromFile = try HeadlessRun.hexmap([file.path, "-s", script])
        #expect(fromFile.status == 0)
        #expect(fromFile.out == "00000000: 4162                                     Ab\n")
        let fromStdin = try HeadlessRun.hexmap([file.path, "-s", "-"], input: Data("patch 1 42\nprint 0 2".utf8))
        #expect(fromStdin.status == 0)
        #expect(fromStdin.out == "00000000: 4142                                     AB\n")
    }

    @Test func readOnlyRefusesEditsAsARuntimeError() throws {
        let file = TemporaryFile("abcdef")
        let before = file.snapshot()
        let result = try hexmap(file, ["print 0 1", "patch 0 00"], extra: ["-r"])
        #expect(result.status == 1)
        #expect(result.err == "-c:2: \(file.path) is open read-only: edits are refused\n")
        #expect(try HeadlessRun.tool("cmp", [before, file.path]).status == 0)
    }

    @Test func privateMappingNeverReachesTheFile() throws {
        let file = TemporaryFile("abcdef")
        let before = file.snapshot()
        let result = try hexmap(file, ["patch 0 41 42", "print 0 2"], extra: ["--private"])
        #expect(result.status == 0)
        #expect(result.out == "00000000: 4142                                     AB\n")
        #expect(try HeadlessRun.tool("cmp", [before, file.path]).status == 0)
    }

    @Test func missingFileIsAnErrorAndCreateMakesIt() throws {
        let directory = TemporaryFile("x")
        let path = directory.directory + "/new.bin"
        let missing = try HeadlessRun.hexmap([path, "-c", "info"])
        #expect(missing.status == 1)
        #expect(missing.err == "hexmap: \(path): no such file (hexmap creates a file only with --create SIZE)\n")
        #expect(!FileManager.default.fileExists(atPath: path))
        let created = try HeadlessRun.hexmap([path, "--create", "1k", "-c", "patch $-1 ff"])
        #expect(created.status == 0)
        #expect(
            try HeadlessRun.tool("xxd", ["-s", "1020", path]).out
                == "000003fc: 0000 00ff                                ....\n")
    }

    @Test func usageErrorsExitTwo() throws {
        let file = TemporaryFile("abc")
        let both = try HeadlessRun.hexmap([file.path, "-c", "info", "-s", "x"])
        #expect(both.status == 2)
        #expect(both.err.contains("give commands with -c or a script with -s, not both"))
        #expect(try HeadlessRun.hexmap([file.path, "--frobnicate"]).status == 2)
        #expect(try HeadlessRun.hexmap([file.path, "--create", "lots", "-c", "info"]).status == 2)
        let missingScript = try HeadlessRun.hexmap([file.path, "-s", file.directory + "/none.hexmap"])
        #expect(missingScript.status == 2)
        #expect(missingScript.err.contains("cannot read script"))
        let emptyPath = try HeadlessRun.hexmap(["", "-c", "info"])
        #expect(emptyPath.status == 2)
        #expect(emptyPath.err.hasPrefix("hexmap: FILE is empty: hexmap opens a file by its path\n"), "\(emptyPath.err)")
    }

    @Test func helpDocumentsTheExitCodes() throws {
        let help = try HeadlessRun.hexmap(["--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("Exit codes:"))
        #expect(help.out.contains("2  usage or syntax error"))
    }

    @Test func worksWithoutATerminalInsideCommandSubstitution() throws {
        let file = TemporaryFile("abc")
        let shell = try HeadlessRun.program(
            "/bin/sh",
            [
                "-c",
                "out=$(env -u TERM '\(HeadlessRun.hexmapPath)' '\(file.path)' -c 'find 63' </dev/null 2>&1); echo \"[$out]\"",
            ])
        #expect(shell.out == "[0x2]\n")
    }

    @Test func editorCommandsAreAcceptedHeadless() throws {
        let file = TemporaryFile("abcdef")
        let result = try hexmap(
            file, ["follow on", "set columns=8", "reopen", "follow off", "help", "wq", "patch 0 00"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("goto OFF"))
        #expect(result.out.contains("patch OFF BYTES"))
        // wq stopped the script before the patch.
        #expect(file.bytes == Array("abcdef".utf8))
    }

    @Test func anEmptyFileGrowsByInsertAndResize() throws {
        let file = TemporaryFile([])
        let result = try hexmap(file, ["print", "find 00", "fill 0 0 ff", "insert 0 \"abc\"", "resize 5", "print 0 $"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out == "not found\n00000000: 6162 6300 00                             abc..\n")
        #expect(try HeadlessRun.tool("xxd", ["-p", file.path]).out == "6162630000\n")
    }

    @Test func aFileWithoutWritePermissionOpensReadOnlyWithANotice() throws {
        // Root ignores mode bits, so the test makes the file immutable (EPERM even for root).
        let file = TemporaryFile("abc")
        guard try HeadlessRun.tool("chattr", ["+i", file.path]).status == 0 else { return }
        defer { _ = try? HeadlessRun.tool("chattr", ["-i", file.path]) }
        let info = try hexmap(file, ["info"])
        #expect(info.status == 0, "\(info.err)")
        #expect(info.out.contains("mode: read-only\n"))
        #expect(info.out.contains("notice: no write permission: \(file.path) is open read-only\n"))
        let edit = try hexmap(file, ["patch 0 00"])
        #expect(edit.status == 1)
        #expect(edit.err == "-c:1: no write permission: \(file.path) is open read-only\n")
        #expect(file.bytes == Array("abc".utf8))
    }
}
