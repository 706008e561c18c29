import IOMMap
import SystemPackage

/// A journal read back: whose it was, which file it belongs to, and its operations.
///
/// Reading stops at a record cut short (it was being written when the process died, so its
/// change never started) and refuses a journal with a damaged record before its end: a
/// journal is applied whole or not at all.
struct JournalContents {
    /// One change to the file: its record, the progress records of a shift, and whether it
    /// finished (`step`), was taken back where it ran (`cancelled`), or was cut off.
    struct Operation {
        enum End { case complete, cancelled, cutOff }
        var record: JournalRecord
        var progress: [JournalRecord] = []
        var end: End = .cutOff
    }

    let pid: Int32
    let id: MappedFile.FileID
    let sizeAtStart: Int
    /// The file's path when the session began (for messages: the journal belongs to the
    /// file's identity, not to this path).
    let filePath: [UInt8]
    let operations: [Operation]
    /// The session's count of unsynced edits when it died.
    let unsyncedEdits: Int

    enum Problem: Error, Equatable {
        case unreadable(String)
        case damaged(String)
        /// It ends inside its header: its session was killed while starting it. The header is
        /// written before the first record, and each record before its edit, so none of that
        /// session's edits reached the file.
        case unstarted
    }

    /// Reads the journal at `path`.
    static func read(_ path: FilePath) throws(Problem) -> JournalContents {
        let bytes: [UInt8]
        do {
            bytes = try path.readContents(limit: .max)
        } catch {
            throw .unreadable("\(error)")
        }
        return try parse(bytes)
    }

    static func parse(_ bytes: [UInt8]) throws(Problem) -> JournalContents {
        var header = ByteReader(bytes[...])
        guard header.take(RecoveryJournal.magic.count) == RecoveryJournal.magic,
            let pid = header.u32(), let device = header.u64(), let inode = header.u64(), let birth = header.u64(),
            let size = header.int(), let nameLength = header.u32(), let name = header.take(Int(nameLength)),
            let checksum = header.u32()
        else {
            let magic = RecoveryJournal.magic
            // What there is agrees with a header's start: cut short, not another file.
            let cutShort = bytes.prefix(magic.count).elementsEqual(magic.prefix(bytes.count))
            throw cutShort ? .unstarted : .damaged("its header is cut short or is not a hexmap journal's")
        }
        let headerLength = RecoveryJournal.magic.count + 4 + 8 + 8 + 8 + 8 + 4 + Int(nameLength)
        guard checksum == CRC32.checksum(bytes.prefix(headerLength)) else { throw .damaged("its header is damaged") }
        var operations: [Operation] = []
        var unsynced = 0
        var position = headerLength + 4
        var index = 0
        while position < bytes.count {
            index += 1
            switch JournalRecord.decode(bytes[position...]) {
            case .incomplete:
                position = bytes.count  // cut short while it was written: its change never began
            case .corrupt:
                throw .damaged("record \(index) is damaged")
            case .record(let record, let length):
                position += length
                switch record {
                case .overwrite, .insert, .delete, .resize:
                    if let last = operations.last, last.end == .cutOff {
                        throw .damaged("record \(index) begins a change before the one before it ended")
                    }
                    operations.append(Operation(record: record))
                case .chunk, .moved:
                    guard !operations.isEmpty, operations[operations.count - 1].end == .cutOff else {
                        throw .damaged("record \(index) is progress of no change")
                    }
                    operations[operations.count - 1].progress.append(record)
                case .step(let count):
                    guard !operations.isEmpty, operations[operations.count - 1].end == .cutOff else {
                        throw .damaged("record \(index) ends no change")
                    }
                    operations[operations.count - 1].end = .complete
                    unsynced = count
                case .cancelled:
                    guard !operations.isEmpty, operations[operations.count - 1].end == .cutOff else {
                        throw .damaged("record \(index) cancels no change")
                    }
                    operations[operations.count - 1].end = .cancelled
                }
            }
        }
        if let last = operations.last, last.end == .cutOff { unsynced += 1 }
        return JournalContents(
            pid: Int32(bitPattern: pid), id: MappedFile.FileID(device: device, inode: inode, birth: birth),
            sizeAtStart: size,
            filePath: name, operations: operations, unsyncedEdits: unsynced)
    }
}
