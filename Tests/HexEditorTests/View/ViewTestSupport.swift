import Foundation
import TestSupport
import Testing

@testable import HexEditor

/// Keys written the way a person would describe them: plain characters, and
/// `<Esc>`, `<Enter>`, `<Tab>`, `<BS>`, `<Up>` … `<PgDn>`, `<Home>`, `<End>`,
/// `<F1>`, `<C-r>` for Ctrl-R.
func keys(_ notation: String) -> [Key] {
    var result: [Key] = []
    var rest = Substring(notation)
    while let first = rest.first {
        if first == "<", let close = rest.firstIndex(of: ">"), close > rest.index(after: rest.startIndex) {
            let name = String(rest[rest.index(after: rest.startIndex)..<close])
            if let key = namedKey(name) {
                result.append(key)
                rest = rest[rest.index(after: close)...]
                continue
            }
        }
        result.append(.character(first))
        rest = rest.dropFirst()
    }
    return result
}

private func namedKey(_ name: String) -> Key? {
    switch name {
    case "Esc": .escape
    case "Enter", "CR": .enter
    case "Tab": .tab
    case "BS": .backspace
    case "Del": .delete
    case "Up": .up
    case "Down": .down
    case "Left": .left
    case "Right": .right
    case "PgUp": .pageUp
    case "PgDn": .pageDown
    case "Home": .home
    case "End": .end
    default:
        if name.hasPrefix("C-"), name.count == 3 {
            .control(Character(name.suffix(1).lowercased()))
        } else if name.hasPrefix("F"), let number = Int(name.dropFirst()) {
            .function(number)
        } else {
            nil
        }
    }
}

/// An editor over a temporary file holding `bytes`, on a terminal of the given size.
func makeEditor(
    _ bytes: [UInt8], width: Int = 80, height: Int = 12, readOnly: Bool = false, name: String = "sample.bin"
) throws -> (EditorState, TemporaryFile) {
    let file = TemporaryFile(bytes, name: name)
    let document = try Document(path: file.path, readOnly: readOnly)
    return (EditorState(document: document, width: width, height: height), file)
}

/// Bytes 0, 1, 2 … (mod 256).
func countingBytes(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0) } }

/// Compares a screen with `Snapshots/NAME.txt` beside the tests (text, then the
/// style map). A missing snapshot is recorded and the test FAILS, so a first
/// run never passes by accident: look at the file, then run again.
func expectSnapshot(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")
    let file = directory.appendingPathComponent("\(name).txt")
    let rendered = "\(screen.text)\n--- styles ---\n\(screen.styleMap)\n"
    guard let recorded = try? String(contentsOf: file, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? rendered.write(to: file, atomically: true, encoding: .utf8)
        Issue.record(
            "recorded a new snapshot \(file.path); check it and run the test again", sourceLocation: sourceLocation)
        return
    }
    if recorded != rendered {
        let actual = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).actual.txt")
        try? rendered.write(to: actual, atomically: true, encoding: .utf8)
        Issue.record(
            "screen differs from snapshot \(file.path) (actual screen written to \(actual.path)):\n\(rendered)",
            sourceLocation: sourceLocation)
    }
}
