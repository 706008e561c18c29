import TestSupport
import Testing

@testable import HexEditor

@Suite("Random keys")
struct RandomKeysTests {
    static let alphabet: [Key] =
        keys("hjklwbgG0$RrunN?:/ q!0123456789abcdefxyzHi\"$+-")
        + [
            .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .tab, .backTab, .enter, .escape,
            .backspace, .delete, .function(1), .function(5), .resize, .control("r"), .control("d"),
            .control("u"), .control("c"), .control("l"), .character("é"),
        ]

    /// Whatever is typed, the editor never crashes, the cursor stays on a byte,
    /// the view shows the cursor, and every frame renders at any terminal size.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func anyKeySequenceKeepsTheEditorConsistent(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let size = [0, 1, 16, 300, 5000][Int(seed % 5)]
        let (editor, _) = try makeEditor(countingBytes(size))
        for step in 0..<600 {
            let key = Self.alphabet.randomElement(using: &random)!
            if editor.handle(key) == .quit { break }
            let width = [10, 30, 50, 80, 133][step % 5]
            let height = [2, 3, 6, 24][step % 4]
            let screen = editor.frame(width: width, height: height)
            #expect(screen.width == width && screen.height == height)
            let fileSize = editor.document.size
            #expect(editor.cursor >= 0 && editor.cursor <= max(0, fileSize - 1), "seed \(seed) step \(step)")
            if let layout = editor.layout, editor.mode != .pager {
                #expect(editor.top % layout.bytesPerRow == 0)
                #expect(editor.top <= editor.cursor && editor.cursor < editor.top + layout.bytesPerPage)
            }
            for cell in screen.cells {
                #expect(cell.character.asciiValue.map { (0x20...0x7e).contains($0) } == true)
            }
        }
    }
}
