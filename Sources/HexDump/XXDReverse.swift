/// Turns an xxd dump back into bytes (`xxd -r`, `xxd -r -p`), exactly as xxd 2022-01-14 reads one.
///
/// xxd's reader is a lenient character-level state machine, not a line grammar: on each line it
/// reads a hex offset up to the first non-hex character, then hex digit pairs; a byte is written for
/// every two adjacent digits, `columns` bytes end the line (the text column is never read), and
/// three non-hex characters in a row give up on the rest of the line. Plain mode (`-p`) ignores
/// whitespace and offsets and writes pairs sequentially. Anything else is skipped silently, as xxd
/// does, so odd input produces xxd's bytes rather than an error. The one input xxd refuses is an
/// offset before the current position on an output that cannot seek (a pipe); offsets past what a
/// file can hold are refused here too, instead of writing zeros until the disk is full.
///
/// Feed the dump in chunks of any size; bytes go to an `XXDReverseSink` in runs, with their output
/// positions (already including `-s`).
public struct XXDReverseParser {
    public let columns: Int
    public let isPlain: Bool
    /// `-r -s`: added to every offset in the dump.
    public let baseOffset: Int

    /// The low nibble of the last character and the two before it (-1: not a hex digit).
    private var n1 = -1
    private var n2 = 0
    private var n3 = 0
    /// Bytes written on this line; `columns` or more means the offset is still being read.
    private var column: Int
    /// Skipping leading non-hex characters of a line.
    private var ignoringGarbage = true
    /// Discarding the rest of the line.
    private var skippingLine = false
    /// The dump's offset for the next byte, and where the output actually is.
    private var wantOffset = 0
    private var haveOffset = 0

    /// Bytes decoded but not yet handed to the sink, and where they go.
    private var run: [UInt8] = []
    private var runStart = 0
    private static let runLimit = 1 << 16

    /// Positions beyond this are refused (files cannot be that large; xxd would write zeros forever).
    public static let maximumOffset = 1 << 60

    public init(columns: Int, isPlain: Bool, baseOffset: Int = 0) {
        self.columns = columns
        self.isPlain = isPlain
        self.baseOffset = baseOffset
        column = columns
        run.reserveCapacity(Self.runLimit)
    }

    /// Reads the next part of the dump.
    public mutating func parse(_ chunk: UnsafeRawBufferPointer, into sink: inout some XXDReverseSink)
        throws(XXDReverseError)
    {
        for character in chunk {
            if skippingLine {
                guard character == UInt8(ascii: "\n") else { continue }
                skippingLine = false
                endLine()
                continue
            }
            try consume(character, into: &sink)
        }
    }

    /// Hands the last decoded bytes to the sink.
    public mutating func finish(into sink: inout some XXDReverseSink) throws(XXDReverseError) {
        try flushRun(into: &sink)
    }

    @inline(__always)
    private mutating func consume(_ character: UInt8, into sink: inout some XXDReverseSink) throws(XXDReverseError) {
        if character == UInt8(ascii: "\r") { return }  // DOS line ends
        let newline = UInt8(ascii: "\n")
        if isPlain && (character == UInt8(ascii: " ") || character == newline || character == UInt8(ascii: "\t")) {
            return
        }
        n3 = n2
        n2 = n1
        n1 = Self.hexValue(character)
        if n1 < 0 && ignoringGarbage { return }
        ignoringGarbage = false

        if !isPlain && column >= columns {
            // Still in the offset column: the first non-hex character ends it.
            if n1 < 0 {
                column = 0
            } else {
                wantOffset = wantOffset &<< 4 | n1
            }
            return
        }

        let target = baseOffset &+ wantOffset
        if target != haveOffset {
            try move(to: target, sink: &sink)
        }

        if n2 >= 0 && n1 >= 0 {
            try append(UInt8(n2 << 4 | n1), into: &sink)
            haveOffset += 1
            wantOffset &+= 1
            n1 = -1
            if !isPlain {
                column += 1
                if column >= columns {
                    skippingLine = true  // the text column and anything after it
                    return
                }
            }
        } else if n1 < 0 && n2 < 0 && n3 < 0 && character != newline {
            skippingLine = true  // three non-hex characters: the line holds no more data
            return
        }
        if character == newline { endLine() }
    }

    private mutating func endLine() {
        if !isPlain { wantOffset = 0 }
        column = columns
        ignoringGarbage = true
    }

    /// xxd seeks the output; where it cannot (a pipe) it moves forward by writing zeros.
    private mutating func move(to target: Int, sink: inout some XXDReverseSink) throws(XXDReverseError) {
        guard target >= 0, !(!sink.isSeekable && target < haveOffset) else {
            try flushRun(into: &sink)  // xxd has written everything before the failing seek
            throw .cannotSeekBackwards
        }
        guard target <= Self.maximumOffset else {
            try flushRun(into: &sink)
            throw .offsetTooLarge(target)
        }
        if sink.isSeekable {
            haveOffset = target
            return
        }
        while haveOffset < target {
            try append(0, into: &sink)
            haveOffset += 1
        }
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8, into sink: inout some XXDReverseSink) throws(XXDReverseError) {
        if run.isEmpty {
            runStart = haveOffset
        } else if runStart + run.count != haveOffset || run.count >= Self.runLimit {
            try flushRun(into: &sink)
            runStart = haveOffset
        }
        run.append(byte)
    }

    private mutating func flushRun(into sink: inout some XXDReverseSink) throws(XXDReverseError) {
        guard !run.isEmpty else { return }
        // withUnsafeBytes only rethrows untyped errors, so the typed one is carried out by hand.
        var failure: XXDReverseError?
        let start = runStart
        run.withUnsafeBytes { bytes in
            do throws(XXDReverseError) {
                try sink.write(bytes, at: start)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        run.removeAll(keepingCapacity: true)
    }

    private static func hexValue(_ character: UInt8) -> Int {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(character - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(character - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(character - UInt8(ascii: "A") + 10)
        default: -1
        }
    }
}

/// Where reversed bytes go.
public protocol XXDReverseSink {
    /// A file can move anywhere at or after offset 0; a stream only forward, by receiving zeros.
    var isSeekable: Bool { get }
    /// Stores `bytes` at output position `position` (for a stream, always its current end).
    mutating func write(_ bytes: UnsafeRawBufferPointer, at position: Int) throws(XXDReverseError)
}

/// Why a dump could not be turned back into bytes.
public enum XXDReverseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An offset before the current position on a stream, or before the start of a file (xxd: exit 5).
    case cannotSeekBackwards
    /// An offset no file can reach.
    case offsetTooLarge(Int)
    /// The output refused the bytes.
    case outputFailed(String)

    public var description: String {
        switch self {
        case .cannotSeekBackwards: "Sorry, cannot seek backwards."
        case .offsetTooLarge(let offset): "offset 0x\(Hex.number(offset)) in the dump is too large."
        case .outputFailed(let reason): reason
        }
    }
}
