import Foundation
import TestSupport
import Testing

@testable import HexEditor

/// A private document is the file as this process alone sees it: every edit (insert and
/// delete included) reads back as if the file had been edited, the file never changes, and
/// no edit costs more memory than the bytes it adds.
@Suite struct PrivateStoreTests {
    @Test func randomEditsMatchAPlainArrayAndNeverReachTheFile() throws {
        var generator = SplitMix64(seed: 42)
        let original = (0..<5000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let file = TemporaryFile(original)
        let document = try Document(path: file.path, privateMapping: true)
        var model = original
        for round in 0..<400 {
            let size = model.count
            let offset = Int.random(in: 0...size, using: &generator)
            let room = size - offset
            let length = Int.random(in: 0...min(room, 300), using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0 where length > 0:
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                try document.overwrite(at: offset, with: bytes)
                model.replaceSubrange(offset..<(offset + length), with: bytes)
            case 1:
                let byte = UInt8.random(in: 0...3, using: &generator)  // zeros too: they free memory
                try document.fill(at: offset, count: length, with: byte)
                model.replaceSubrange(offset..<(offset + length), with: [UInt8](repeating: byte, count: length))
            case 2:
                let bytes = (0..<Int.random(in: 1...50, using: &generator)).map { _ in UInt8(round & 0xFF) }
                try document.insert(at: offset, bytes: bytes)
                model.insert(contentsOf: bytes, at: offset)
            case 3:
                try document.delete(at: offset, count: length)
                model.removeSubrange(offset..<(offset + length))
            case 4:
                let newSize = Int.random(in: 0...(size + 500), using: &generator)
                try document.resize(to: newSize)
                model =
                    newSize <= size ? Array(model[..<newSize]) : model + [UInt8](repeating: 0, count: newSize - size)
            default:
                _ = try document.undo()
                _ = try document.redo()
            }
            #expect(document.size == model.count)
            #expect(same(try document.read(at: 0, count: model.count), model), "round \(round)")
        }
        #expect(same(file.bytes, original), "the file never changes")
        while try document.undo() != nil {}
        #expect(same(try document.read(at: 0, count: original.count + 1), original))
    }

    @Test func growingAndShiftingAHugeFileCostsNoMemory() throws {
        let file = TemporaryFile([])
        let size = 4 << 30
        truncate(file.path, off_t(size))
        let document = try Document(path: file.path, privateMapping: true)
        let before = residentAnonymousBytes()
        try document.resize(to: size + 1)
        try document.insert(at: 0, bytes: [1, 2, 3])
        try document.delete(at: 1 << 30, count: 1 << 20)
        let last = size + 1 + 3 - (1 << 20) - 1
        try document.overwrite(at: last, with: [9])
        #expect(residentAnonymousBytes() - before < 64 << 20)
        #expect(document.size == last + 1)
        #expect(try document.read(at: 0, count: 4) == [1, 2, 3, 0])
        #expect(try document.read(at: last - 1, count: 2) == [0, 9])
        #expect(allocatedBytes(file.path) == 0)
        var status = stat()
        stat(file.path, &status)
        #expect(Int(status.st_size) == size, "the file keeps its size")
    }

    @Test func aCreateSizeGrowsThePrivateCopyNotTheFile() throws {
        let file = TemporaryFile("abc")
        let document = try Document(path: file.path, privateMapping: true, createSize: 2 << 20)
        #expect(document.size == 2 << 20)
        #expect(file.bytes == Array("abc".utf8))
    }
}

/// RssAnon from /proc/self/status: memory this process holds that no file backs.
func residentAnonymousBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("RssAnon:") })
    else { return 0 }
    return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) * 1024
}
