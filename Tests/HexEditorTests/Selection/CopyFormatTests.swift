import Foundation
import HexDump
import TestSupport
import Testing

@testable import HexEditor

/// `print ... as hex|c|python|base64`, checked by decoding the text again here; the
/// end-to-end tests hand it to Python, base64 and xxd.
@Suite("Copy formats")
struct CopyFormatTests {
    private func printed(_ bytes: [UInt8], _ arguments: String, json: Bool = false, streaming: Bool = true) throws
        -> [String]
    {
        let file = TemporaryFile(bytes)
        let interpreter = CommandInterpreter(document: try Document(path: file.path))
        let sink = CollectingSink()
        if streaming { interpreter.outputSink = sink }
        let effects = try interpreter.run(line: "print \(arguments)", context: CommandContext(cursor: 0, json: json))
        return streaming ? sink.lines : effects.output
    }

    static let everyByte = countingBytes(256)

    @Test func hexIsOneLowercaseString() throws {
        #expect(try printed(Array("\u{7f}ELF".utf8), "0 4 as hex") == ["7f454c46"])
        let line = try printed(Self.everyByte, "0 256 as hex")
        #expect(line.count == 1)
        #expect(decodeHex(line[0]) == Self.everyByte)
    }

    @Test func cIsXXDIncludeStyle() throws {
        #expect(
            try printed(countingBytes(14), "0 14 as c") == [
                "  0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b,",
                "  0x0c, 0x0d",
            ])
        let lines = try printed(Self.everyByte, "0 256 as c")
        let values = lines.joined().split(separator: ",").map {
            UInt8($0.trimmingCharacters(in: .whitespaces).dropFirst(2), radix: 16)
        }
        #expect(values == Self.everyByte.map { Optional($0) })
    }

    @Test func pythonEscapesAsReprDoes() throws {
        #expect(try printed(Array("\u{7f}ELF\u{2}".utf8), "0 5 as python") == [#"b'\x7fELF\x02'"#])
        #expect(try printed(Array("a'b\\c\t\n\r\"".utf8), "0 10 as python") == [#"b'a\'b\\c\t\n\r"'"#])
        let line = try printed(Self.everyByte, "0 256 as python")
        #expect(line.count == 1)
        #expect(decodePython(line[0]) == Self.everyByte)
    }

    @Test func base64IsStandardInLinesOf76() throws {
        for count in [0, 1, 2, 3, 4, 56, 57, 58, 200] {
            let bytes = Array(Self.everyByte.prefix(count))
            let lines = try printed(Self.everyByte, "0 \(count) as base64")
            #expect(lines.allSatisfy { $0.count <= 76 })
            #expect(lines.joined() == Data(bytes).base64EncodedString(), "\(count) bytes")
        }
        #expect(try printed(Self.everyByte, "0 57 as base64").count == 1, "57 bytes are exactly 76 characters")
        #expect(try printed(Self.everyByte, "0 58 as base64").count == 2)
    }

    @Test func theEditorGetsTheSameTextAsAScript() throws {
        let data = (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        for format in CopyFormat.allCases {
            let streamed = try printed(data, "0 3000 as \(format.rawValue)")
            let collected = try printed(data, "0 3000 as \(format.rawValue)", streaming: false)
            #expect(streamed == collected, "\(format)")
        }
    }

    @Test func largeRangesStreamAcrossWindows() throws {
        // Several print windows (64 KiB each): the pieces join into the same text.
        let data = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 5) }
        let hex = try printed(data, "0 200000 as hex")
        #expect(hex.count == 1)
        #expect(decodeHex(hex[0]) == data)
        let base64 = try printed(data, "0 200000 as base64")
        #expect(Data(base64Encoded: base64.joined()).map { [UInt8]($0) } == data)
        let python = try printed(data, "0 200000 as python")
        #expect(decodePython(python[0]) == data)
    }

    @Test func jsonIsOneObject() throws {
        #expect(
            try printed(Array("a'\"\\".utf8), "0 4 as python", json: true) == [
                #"{"offset":0,"length":4,"format":"python","text":"b'a\\'\"\\\\'"}"#
            ])
        #expect(
            try printed(countingBytes(13), "1 13 as c", json: true) == [
                #"{"offset":1,"length":12,"format":"c","text":"  0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c"}"#
            ])
        #expect(try printed(countingBytes(60), "0 60 as base64", json: true)[0].contains(#"\n"#), "lines as \n")
    }

    @Test func emptyRangesAndTheEnd() throws {
        #expect(try printed(countingBytes(4), "4 as hex") == [""])
        #expect(try printed(countingBytes(4), "4 as python") == ["b''"])
        #expect(try printed(countingBytes(4), "2 100 as hex") == ["0203"], "stops at the end")
        #expect(throws: EditorError("print: offset 0x5 is past the end of the file (size 4)")) {
            try printed(countingBytes(4), "5 as hex")
        }
    }

    @Test func theEditorShowsALongLineWrappedInThePager() throws {
        let (editor, _) = try makeEditor(countingBytes(64))
        editor.handle(keys("vG:print as hex<Enter>"))
        #expect(editor.mode == .pager)
        let screen = editor.frame(width: 80, height: 12)
        #expect(screen.line(1) == String(Hex.string(countingBytes(64)).prefix(80)))
        #expect(screen.line(2).hasPrefix(String(Hex.string(countingBytes(64)).dropFirst(80).prefix(48))))
        editor.handle(keys("q"))
        #expect(editor.selectedBytes == nil, "print took the selection: it is over")
        editor.handle(keys("gvl:print as python<Enter>"))
        #expect(editor.messageText == #"b'\x00\x01'"#, "a short one on the message line")
    }
}

private func decodeHex(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = text.startIndex
    while index < text.endIndex {
        let next = text.index(index, offsetBy: 2)
        bytes.append(UInt8(text[index..<next], radix: 16)!)
        index = next
    }
    return bytes
}

/// A small decoder of the escapes `b'...'` uses; the end-to-end test asks Python itself.
private func decodePython(_ literal: String) -> [UInt8] {
    var body = Array(literal.utf8)
    precondition(body.starts(with: Array("b'".utf8)) && body.last == UInt8(ascii: "'"))
    body = Array(body[2..<(body.count - 1)])
    var bytes: [UInt8] = []
    var index = 0
    while index < body.count {
        guard body[index] == UInt8(ascii: "\\") else {
            bytes.append(body[index])
            index += 1
            continue
        }
        let code = body[index + 1]
        switch code {
        case UInt8(ascii: "x"):
            bytes.append(UInt8(String(decoding: body[(index + 2)..<(index + 4)], as: UTF8.self), radix: 16)!)
            index += 4
            continue
        case UInt8(ascii: "t"): bytes.append(9)
        case UInt8(ascii: "n"): bytes.append(10)
        case UInt8(ascii: "r"): bytes.append(13)
        default: bytes.append(code)
        }
        index += 2
    }
    return bytes
}
