import Testing

@testable import HexEditor

@Suite("Follow mode")
struct FollowModeTests {
    @Test func keyFFollowsTheEndAsTheFileGrows() throws {
        let (editor, file, _) = try makeLiveEditor(countingBytes(40), height: 6)
        editor.handle(keys("F"))
        #expect(editor.following)
        #expect(editor.cursor == 39)
        OtherProcess.append(Array(repeating: 0x41, count: 100), to: file.path)
        #expect(editor.tick())
        let screen = editor.frame(width: 80, height: 6)
        #expect(editor.cursor == 139)
        // Four data rows: the last one holds the last byte.
        #expect(screen.line(3).hasPrefix("00000080  41 41 41 41 41 41 41 41  41 41 41"))
        #expect(editor.top == 0x50)
        #expect(screen.line(4).contains("follow"))
    }

    @Test func anyMovementKeyLeavesFollowMode() throws {
        for motion in ["k", "h", "<Up>", "<PgUp>", "g", "G", "w", "0"] {
            let (editor, file, _) = try makeLiveEditor(countingBytes(400), height: 6)
            editor.handle(keys(":follow on<Enter>"))
            #expect(editor.following)
            editor.handle(keys(motion))
            #expect(!editor.following, "\(motion) should leave follow mode")
            let cursor = editor.cursor
            OtherProcess.append([1, 2, 3], to: file.path)
            editor.tick()
            #expect(editor.cursor == cursor, "after \(motion) growth does not move the view")
        }
    }

    @Test func followingSurvivesTruncationAndGrowsBack() throws {
        let (editor, file, _) = try makeLiveEditor(countingBytes(300), height: 6)
        editor.handle(keys("F"))
        OtherProcess.truncate(file.path, to: 0)
        #expect(editor.tick())
        _ = editor.frame(width: 80, height: 6)
        #expect(editor.cursor == 0)
        #expect(editor.following)
        OtherProcess.append(countingBytes(20), to: file.path)
        editor.tick()
        let screen = editor.frame(width: 80, height: 6)
        #expect(editor.cursor == 19)
        #expect(screen.line(1).hasPrefix("00000010  10 11 12 13"))
        #expect(editor.messageText == "following the end: 20 bytes")  // the stale "shrank" notice is gone
        #expect(!editor.messageIsError)
    }

    @Test func notFollowingTheViewStaysWhereItWas() throws {
        let (editor, file, _) = try makeLiveEditor(countingBytes(40), height: 6)
        OtherProcess.append(countingBytes(500), to: file.path)
        editor.tick()
        _ = editor.frame(width: 80, height: 6)
        #expect(editor.cursor == 0)
        #expect(editor.top == 0)
    }
}
