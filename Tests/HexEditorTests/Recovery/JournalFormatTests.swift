import Testing

@testable import HexEditor

/// The journal's bytes: every record reads back as written; a journal cut at any byte reads
/// as the records before the cut; a damaged record refuses the journal.
struct JournalFormatTests {
    static let records: [JournalRecord] = [
        .overwrite(offset: 7, count: 1, undo: .bytes([0x41]), result: .fingerprint(99)),
        .step(unsyncedEdits: 1),
        .overwrite(offset: 1 << 40, count: 5 << 30, undo: .spilled(3), result: .repeated(0xFF)),
        .step(unsyncedEdits: 2),
        .insert(offset: 10, count: 4, sizeBefore: 100, inserted: 0xDEAD_BEEF),
        .chunk(range: 50..<100, saved: true), .moved(range: 50..<100), .chunk(range: 10..<50, saved: false),
        .cancelled,
        .delete(offset: 3, count: 2, sizeBefore: 104, removed: .repeated(0)),
        .step(unsyncedEdits: 3),
        .resize(from: 102, to: 1, cutTail: .bytes([1, 2, 3])), .step(unsyncedEdits: 4),
        .resize(from: 1, to: 9, cutTail: nil), .step(unsyncedEdits: 5),
    ]

    static func journal(_ records: [JournalRecord]) -> [UInt8] {
        var bytes = RecoveryJournal.magic
        var header = ByteWriter()
        header.u32(1234)
        header.u64(8)
        header.u64(9)
        header.u64(0)
        header.int(100)
        header.u32(3)
        header.bytes += Array("a.b".utf8)
        bytes += header.bytes
        bytes += withUnsafeBytes(of: CRC32.checksum(bytes).littleEndian) { Array($0) }
        for record in records { bytes += record.encoded() }
        return bytes
    }

    @Test func everyRecordReadsBackAsWritten() {
        for record in Self.records {
            let bytes = record.encoded()
            #expect(JournalRecord.decode(bytes[...]) == .record(record, length: bytes.count))
        }
        #expect(
            JournalRecord.overwrite(offset: 0, count: 1, undo: .bytes([0]), result: .fingerprint(0)).encoded().count
                <= 64)
    }

    @Test func aJournalCutAtAnyByteKeepsOnlyWholeRecords() throws {
        let whole = Self.journal(Self.records)
        let full = try JournalContents.parse(whole)
        #expect(full.pid == 1234 && full.sizeAtStart == 100 && full.filePath == Array("a.b".utf8))
        #expect(full.operations.count == 6)
        #expect(full.operations.map(\.end) == [.complete, .complete, .cancelled, .complete, .complete, .complete])
        #expect(full.unsyncedEdits == 5)
        let headerLength = Self.journal([]).count
        var previous = -1
        for cut in 0..<whole.count {
            do {
                let contents = try JournalContents.parse(Array(whole.prefix(cut)))
                let records = contents.operations.reduce(0) { $0 + 1 + $1.progress.count + ($1.end == .cutOff ? 0 : 1) }
                #expect(records >= previous, "a longer cut never reads fewer records")
                previous = records
            } catch {
                #expect(cut < headerLength, "only a cut inside the header makes it unreadable (at \(cut))")
            }
        }
    }

    @Test func aDamagedRecordRefusesTheJournal() {
        var bytes = Self.journal(Self.records)
        bytes[60] ^= 0x10
        #expect(throws: JournalContents.Problem.self) { try JournalContents.parse(bytes) }
        var header = Self.journal(Self.records)
        header[10] ^= 1
        #expect(throws: JournalContents.Problem.damaged("its header is damaged")) { try JournalContents.parse(header) }
    }
}
