/// The journal's bytes: each record is `length (u32) kind (u8) fields… crc32 (u32)`, numbers
/// little-endian. A one-byte patch takes 40 bytes.
extension JournalRecord {
    private enum Kind: UInt8 {
        case overwrite = 1
        case insert, delete, resize, chunk, moved, step, cancelled
    }

    func encoded() -> [UInt8] {
        var writer = ByteWriter()
        writer.u32(0)  // the length, filled in below
        switch self {
        case .overwrite(let offset, let count, let undo, let result):
            writer.u8(Kind.overwrite.rawValue)
            writer.int(offset)
            writer.int(count)
            writer.undo(undo)
            switch result {
            case .fingerprint(let value):
                writer.u8(0)
                writer.u64(value)
            case .repeated(let byte):
                writer.u8(1)
                writer.u8(byte)
            }
        case .insert(let offset, let count, let sizeBefore, let inserted):
            writer.u8(Kind.insert.rawValue)
            writer.int(offset)
            writer.int(count)
            writer.int(sizeBefore)
            writer.u64(inserted)
        case .delete(let offset, let count, let sizeBefore, let removed):
            writer.u8(Kind.delete.rawValue)
            writer.int(offset)
            writer.int(count)
            writer.int(sizeBefore)
            writer.undo(removed)
        case .resize(let from, let to, let cutTail):
            writer.u8(Kind.resize.rawValue)
            writer.int(from)
            writer.int(to)
            writer.u8(cutTail == nil ? 0 : 1)
            if let cutTail { writer.undo(cutTail) }
        case .chunk(let range, let saved):
            writer.u8(Kind.chunk.rawValue)
            writer.int(range.lowerBound)
            writer.int(range.upperBound)
            writer.u8(saved ? 1 : 0)
        case .moved(let range):
            writer.u8(Kind.moved.rawValue)
            writer.int(range.lowerBound)
            writer.int(range.upperBound)
        case .step(let unsyncedEdits):
            writer.u8(Kind.step.rawValue)
            writer.int(unsyncedEdits)
        case .cancelled:
            writer.u8(Kind.cancelled.rawValue)
        }
        let length = UInt32(writer.bytes.count + 4)
        withUnsafeBytes(of: length.littleEndian) { writer.bytes.replaceSubrange(0..<4, with: $0) }
        writer.u32(CRC32.checksum(writer.bytes))
        return writer.bytes
    }

    /// What decoding the bytes at the end of a journal found.
    enum Decoded: Equatable {
        case record(JournalRecord, length: Int)
        /// The bytes end before the record does: cut short while it was written.
        case incomplete
        /// The record is whole but damaged (its checksum does not match).
        case corrupt
    }

    static func decode(_ bytes: ArraySlice<UInt8>) -> Decoded {
        guard bytes.count >= 4 else { return .incomplete }
        var reader = ByteReader(bytes)
        guard let length = reader.u32().map(Int.init) else { return .incomplete }
        guard length >= 9, length <= 64 << 20 else { return .corrupt }
        guard bytes.count >= length else { return .incomplete }
        let record = bytes.prefix(length)
        var tail = ByteReader(record.suffix(4))
        guard let stored = tail.u32(), stored == CRC32.checksum(record.dropLast(4)) else { return .corrupt }
        var fields = ByteReader(record.dropFirst(4).dropLast(4))
        guard let decoded = decodeFields(&fields), fields.isAtEnd else { return .corrupt }
        return .record(decoded, length: length)
    }

    private static func decodeFields(_ reader: inout ByteReader) -> JournalRecord? {
        guard let raw = reader.u8(), let kind = Kind(rawValue: raw) else { return nil }
        switch kind {
        case .overwrite:
            guard let offset = reader.int(), let count = reader.int(), let undo = reader.undo(), let tag = reader.u8()
            else { return nil }
            let result: Result
            switch tag {
            case 0:
                guard let value = reader.u64() else { return nil }
                result = .fingerprint(value)
            case 1:
                guard let byte = reader.u8() else { return nil }
                result = .repeated(byte)
            default: return nil
            }
            return .overwrite(offset: offset, count: count, undo: undo, result: result)
        case .insert:
            guard let offset = reader.int(), let count = reader.int(), let size = reader.int(),
                let inserted = reader.u64()
            else { return nil }
            return .insert(offset: offset, count: count, sizeBefore: size, inserted: inserted)
        case .delete:
            guard let offset = reader.int(), let count = reader.int(), let size = reader.int(),
                let removed = reader.undo()
            else { return nil }
            return .delete(offset: offset, count: count, sizeBefore: size, removed: removed)
        case .resize:
            guard let from = reader.int(), let to = reader.int(), let hasTail = reader.u8() else { return nil }
            let tail = hasTail == 1 ? reader.undo() : nil
            if hasTail == 1 && tail == nil { return nil }
            return .resize(from: from, to: to, cutTail: tail)
        case .chunk:
            guard let start = reader.int(), let end = reader.int(), end >= start, let saved = reader.u8() else {
                return nil
            }
            return .chunk(range: start..<end, saved: saved == 1)
        case .moved:
            guard let start = reader.int(), let end = reader.int(), end >= start else { return nil }
            return .moved(range: start..<end)
        case .step:
            guard let count = reader.int() else { return nil }
            return .step(unsyncedEdits: count)
        case .cancelled:
            return .cancelled
        }
    }
}

/// Appends little-endian numbers and bytes.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func int(_ value: Int) { u64(UInt64(bitPattern: Int64(value))) }

    mutating func undo(_ undo: JournalRecord.Undo) {
        switch undo {
        case .bytes(let data):
            u8(0)
            u32(UInt32(data.count))
            bytes += data
        case .spilled(let index):
            u8(1)
            int(index)
        case .repeated(let byte):
            u8(2)
            u8(byte)
        }
    }
}

/// Reads what `ByteWriter` wrote; nil when the bytes run out or make no sense.
struct ByteReader {
    private var bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { bytes.isEmpty }

    mutating func u8() -> UInt8? {
        bytes.popFirst()
    }

    mutating func u32() -> UInt32? {
        guard bytes.count >= 4 else { return nil }
        var value: UInt32 = 0
        for (shift, byte) in bytes.prefix(4).enumerated() { value |= UInt32(byte) << (8 * shift) }
        bytes = bytes.dropFirst(4)
        return value
    }

    mutating func u64() -> UInt64? {
        guard bytes.count >= 8 else { return nil }
        var value: UInt64 = 0
        for (shift, byte) in bytes.prefix(8).enumerated() { value |= UInt64(byte) << (8 * shift) }
        bytes = bytes.dropFirst(8)
        return value
    }

    /// A non-negative Int (offsets, sizes, counts).
    mutating func int() -> Int? {
        guard let raw = u64(), raw <= UInt64(Int.max) else { return nil }
        return Int(raw)
    }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, bytes.count >= count else { return nil }
        defer { bytes = bytes.dropFirst(count) }
        return Array(bytes.prefix(count))
    }

    mutating func undo() -> JournalRecord.Undo? {
        switch u8() {
        case 0:
            guard let count = u32(), let data = take(Int(count)) else { return nil }
            return .bytes(data)
        case 1:
            return int().map(JournalRecord.Undo.spilled)
        case 2:
            return u8().map(JournalRecord.Undo.repeated)
        default:
            return nil
        }
    }
}
