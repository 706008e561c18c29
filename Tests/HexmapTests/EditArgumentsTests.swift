import HexEditor
import SystemPackage
import Testing

@testable import hexmap

/// `hexmap [edit] FILE [OPTIONS]` as `EditArguments` reads it: the grammar, the checks that
/// options go together, and the messages of a usage error.
@Suite("Edit arguments")
struct EditArgumentsTests {
    private func session(_ words: [String]) throws -> EditSession {
        switch try EditArguments.parse(words.map(RawArgument.init)) {
        case .session(let session): return session
        case .help: throw UsageError("asked for help")
        }
    }

    private func message(_ words: [String]) -> String? {
        do {
            _ = try EditArguments.parse(words.map(RawArgument.init))
            return nil
        } catch {
            return error.message
        }
    }

    @Test func optionsGoBeforeOrAfterTheFile() throws {
        let after = try session(["f.bin", "-r", "-c", "info", "--json"])
        let before = try session(["-r", "-c", "info", "--json", "f.bin"])
        for parsed in [after, before] {
            #expect(parsed.file == FilePath("f.bin"))
            #expect(parsed.readOnly && parsed.json)
            #expect(parsed.commands == ["info"])
        }
    }

    @Test func valuesAttachInEveryUsualSpelling() throws {
        #expect(try session(["f", "-cinfo", "-c", "print 0 1"]).commands == ["info", "print 0 1"])
        #expect(try session(["f", "--create=4k"]).createSize == 4096)
        #expect(try session(["f", "--create", "0x10"]).createSize == 16)
        #expect(try session(["f", "--recover=keep"]).recover == .keep)
        // A value that starts with a dash is still the value.
        #expect(try session(["f", "-c", "-1"]).commands == ["-1"])
        #expect(try session(["f", "-s", "-"]).script?.text == "-")
    }

    @Test func shortFlagsGroupAndTheLastMayTakeAValue() throws {
        let grouped = try session(["f", "-rc", "info"])
        #expect(grouped.readOnly && grouped.commands == ["info"])
        #expect(try session(["f", "-rcinfo"]).commands == ["info"])
        #expect(message(["f", "-rx"]) == "unknown option '-x'")
    }

    @Test func doubleDashEndsTheOptions() throws {
        #expect(try session(["--", "-odd.bin"]).file == FilePath("-odd.bin"))
        #expect(try session(["-r", "--", "--repl"]).file == FilePath("--repl"))
        #expect(try session(["-"]).file == FilePath("-"))
    }

    @Test func helpWinsWhereverItIs() throws {
        for words in [["--help"], ["-h"], ["f.bin", "--help"], ["-c", "info", "-h"]] {
            guard case .help = try EditArguments.parse(words.map(RawArgument.init)) else {
                Issue.record("\(words) is not help")
                continue
            }
        }
    }

    @Test func aPathKeepsItsBytes() throws {
        let latin1: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".bin".utf8)
        let parsed = try EditArguments.parse([RawArgument(bytes: latin1)])
        guard case .session(let session) = parsed else { throw UsageError("help") }
        var bytes: [UInt8] = []
        session.file.withPlatformString { name in
            var cursor = name
            while cursor.pointee != 0 {
                bytes.append(UInt8(bitPattern: cursor.pointee))
                cursor += 1
            }
        }
        #expect(bytes == latin1)
        // A script's bytes too, given apart or attached (`-sNAME`).
        for words in [
            [RawArgument("-s"), RawArgument(bytes: [0x61, 0xFF])], [RawArgument(bytes: [0x2D, 0x73, 0x61, 0xFF])],
        ] {
            guard case .session(let withScript) = try EditArguments.parse([RawArgument("f")] + words) else {
                throw UsageError("help")
            }
            #expect(withScript.script?.bytes == [0x61, 0xFF])
        }
    }

    @Test func mistakesAreNamed() {
        #expect(message([]) == "missing FILE: hexmap opens a file")
        #expect(message([""]) == "FILE is empty: hexmap opens a file by its path")
        #expect(message(["", "-c", "info"]) == "FILE is empty: hexmap opens a file by its path")
        #expect(message(["a", "b"]) == "unexpected argument 'b': hexmap opens one FILE")
        #expect(message(["f", "--frobnicate"]) == "unknown option '--frobnicate'")
        #expect(message(["f", "--repll"]) == "unknown option '--repll' (did you mean --repl?)")
        #expect(message(["f", "--priv"]) == "unknown option '--priv' (did you mean --private?)")
        #expect(message(["f", "-c"]) == "-c needs a value: -c CMD")
        #expect(message(["f", "--json=yes", "-c", "info"]) == "--json takes no value")
        #expect(message(["f", "-s", "a", "-s", "b"]) == "-s is given twice: one script per run")
        #expect(message(["f", "-c", "info", "-s", "x"]) == "give commands with -c or a script with -s, not both")
        #expect(message(["f", "--recover", "maybe"]) == "--recover takes rollback, keep or discard, not 'maybe'")
        #expect(message(["f", "--force"]) == "--force goes with --recover rollback only")
        #expect(message(["f", "--repl", "-c", "info"])?.hasPrefix("--repl reads its commands") == true)
        #expect(message(["f", "--json"]) == "--json, --no-rollback and --no-sync apply to -c, -s and --repl only")
        #expect(message(["f", "-r", "--create", "1k"])?.hasPrefix("--create: a read-only document") == true)
        #expect(message(["f", "--watch", "--private"])?.hasPrefix("--watch follows") == true)
    }

    @Test func editDistanceCountsLetters() {
        #expect(EditArguments.editDistance("repl", "repl") == 0)
        #expect(EditArguments.editDistance("", "abc") == 3)
        #expect(EditArguments.editDistance("abc", "") == 3)
        #expect(EditArguments.editDistance("--repll", "--repl") == 1)
        #expect(EditArguments.editDistance("kitten", "sitting") == 3)
    }

    /// Every option of the table parses under each of its spellings.
    @Test func everyOptionInTheTableIsAccepted() throws {
        for option in EditOption.all where option.key != .help {
            for spelling in option.spellings {
                var words = ["f", spelling]
                if let value = option.valueName { words.append(value == "SIZE" ? "1" : "rollback") }
                // Add what each option needs beside it to make a valid run.
                switch option.key {
                case .json, .noRollback, .noSync: words += ["-c", "info"]
                case .force: words += ["--recover", "rollback"]
                default: break
                }
                do {
                    _ = try EditArguments.parse(words.map(RawArgument.init))
                } catch {
                    Issue.record("\(words): \(error.message)")
                }
            }
        }
    }
}
