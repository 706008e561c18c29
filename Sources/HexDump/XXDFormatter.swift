/// Formats bytes exactly as `xxd` 2022-01-14 prints them, a chunk at a time.
///
/// Feed consecutive chunks of the input with their absolute file offsets, then call `finish` once:
///
/// ```swift
/// var formatter = XXDFormatter()
/// var text: [UInt8] = []
/// formatter.append(bytes, at: 0x40, to: &text)   // the lines of `xxd -s 0x40 -l bytes.count`
/// formatter.finish(into: &text)                   // a pending short line, autoskip's tail, -i's footer
/// ```
///
/// Chunks need not end on line boundaries: a partial line is carried into the next chunk. The
/// formatter allocates nothing per byte or per line; `format(_:at:into:)` writes into caller memory
/// for the allocation-free path. Options are expected to have passed `XXDOptions.validate()`;
/// values xxd would refuse are clamped rather than trusted.
public struct XXDFormatter {
    public let options: XXDOptions
    let tables: XXDTables
    /// Bytes per line (`-p`: per output line, 0 for one endless line).
    let columns: Int
    /// Present for the line styles (`.hex`, `.bits`, `.littleEndian`).
    let layout: XXDLineLayout?
    /// `-i`'s declaration line, when there is a variable name.
    let cIncludeHeader: [UInt8]
    /// `-i`'s variable name as xxd spells it (`__` before a digit, `_` for other characters).
    let cIncludeName: [UInt8]?

    /// Whether anything (the `-i` header at least) has been produced.
    var hasStarted = false
    /// Bytes formatted so far; `-i` counts its array with it.
    var byteCount = 0
    /// Where the next chunk is expected to start.
    var nextOffset: Int?
    /// Digits left before the next line break of `-p`.
    var plainRemaining: Int

    /// The bytes of a line still missing some of its columns.
    var pendingLine: [UInt8]
    var pendingCount = 0
    var pendingOffset = 0

    /// xxd's `-a` state: how many all-zero lines in a row (only the first is printed at once).
    var zeroLinesSeen = 0
    /// The second zero line of a run: printed instead of `*` when the run is exactly two lines.
    var secondZeroLineOffset = 0
    /// The last full line, which xxd prints at the end when a zero run reaches the end.
    var lastLineOffset = 0

    public init(options: XXDOptions = XXDOptions()) {
        self.options = options
        tables = XXDTables.shared(uppercase: options.uppercase, ebcdic: options.ebcdic)
        var columns = options.resolvedColumns
        if options.isLineStyle {
            columns = min(max(columns, 1), XXDOptions.maximumColumns)
            let group = min(max(options.resolvedGroupSize, 1), columns)
            layout = XXDLineLayout(
                style: options.style, columns: columns, groupSize: group, zeroText: tables.text[0])
        } else {
            columns = max(columns, options.style == .plain ? 0 : 1)
            layout = nil
        }
        self.columns = columns
        plainRemaining = columns
        pendingLine = [UInt8](repeating: 0, count: options.isLineStyle ? columns : 0)
        if options.style == .cInclude, let name = options.variableName {
            let spelled = Self.cIdentifier(name, capitalized: options.capitalizeNames)
            cIncludeName = spelled
            cIncludeHeader = Array("unsigned char ".utf8) + spelled + Array("[] = {\n".utf8)
        } else {
            cIncludeName = nil
            cIncludeHeader = []
        }
    }

    /// How many bytes `format(_:at:into:)` may write for a chunk of `inputCount` bytes.
    public func outputCapacity(forInputCount inputCount: Int) -> Int {
        switch options.style {
        case .hex, .bits, .littleEndian:
            // Each line may also release a held-back zero line or `*`, and a pending line may flush.
            let lineLength = layout?.maximumLineLength ?? 0
            return (inputCount / columns + 3) * (2 * lineLength + 2)
        case .plain:
            return 3 * inputCount + 2
        case .cInclude:
            return cIncludeHeader.count + 8 * inputCount + 8
        }
    }

    /// Appends the text for `chunk`, whose first byte is at file offset `offset`.
    ///
    /// Consecutive calls should continue where the previous chunk ended; when one does not, a pending
    /// partial line is printed first, as if the input had ended there.
    public mutating func append(_ chunk: UnsafeRawBufferPointer, at offset: Int, to output: inout [UInt8]) {
        let capacity = outputCapacity(forInputCount: chunk.count)
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: capacity))
        let written = output.withUnsafeMutableBytes { buffer in
            format(chunk, at: offset, into: UnsafeMutableRawBufferPointer(rebasing: buffer[start...]))
        }
        output.removeLast(capacity - written)
    }

    /// Appends the text for `chunk`, whose first byte is at file offset `offset`.
    public mutating func append(_ chunk: [UInt8], at offset: Int, to output: inout [UInt8]) {
        chunk.withUnsafeBytes { append($0, at: offset, to: &output) }
    }

    /// Appends what the end of the input releases: a pending short line, the tail of an autoskipped
    /// zero run, the `-p` final newline, the `-i` closing lines. Call it once, after the last chunk.
    public mutating func finish(into output: inout [UInt8]) {
        let capacity = finishCapacity
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: capacity))
        let written = output.withUnsafeMutableBytes { buffer in
            finish(into: UnsafeMutableRawBufferPointer(rebasing: buffer[start...]))
        }
        output.removeLast(capacity - written)
    }

    /// How many bytes `finish(into:)` may write.
    public var finishCapacity: Int {
        2 * cIncludeHeader.count + 64 + 4 * (layout?.maximumLineLength ?? 0)
    }

    /// The whole dump of `bytes` taken from file offset `offset`: what `xxd -s offset -l count` prints.
    public static func dump(_ bytes: [UInt8], at offset: Int = 0, options: XXDOptions = XXDOptions()) -> [UInt8] {
        var formatter = XXDFormatter(options: options)
        var output: [UInt8] = []
        formatter.append(bytes, at: offset, to: &output)
        formatter.finish(into: &output)
        return output
    }

    /// Writes the text for `chunk` into `output` and returns the number of bytes written.
    ///
    /// `output` must hold at least `outputCapacity(forInputCount: chunk.count)` bytes.
    public mutating func format(
        _ chunk: UnsafeRawBufferPointer, at offset: Int, into output: UnsafeMutableRawBufferPointer
    ) -> Int {
        precondition(output.count >= outputCapacity(forInputCount: chunk.count), "output buffer too small")
        guard let out = output.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        var written = startIfNeeded(out)
        guard let bytes = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self), chunk.count > 0 else {
            return written
        }
        switch options.style {
        case .hex, .bits, .littleEndian:
            written += formatLines(bytes, count: chunk.count, at: offset, into: out + written)
        case .plain:
            written += formatPlain(bytes, count: chunk.count, into: out + written)
        case .cInclude:
            written += formatCInclude(bytes, count: chunk.count, into: out + written)
        }
        byteCount &+= chunk.count
        nextOffset = offset &+ chunk.count
        return written
    }

    /// Writes what the end of the input releases into `output` (at least `finishCapacity` bytes)
    /// and returns the number of bytes written.
    public mutating func finish(into output: UnsafeMutableRawBufferPointer) -> Int {
        precondition(output.count >= finishCapacity, "output buffer too small")
        guard let out = output.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        var written = startIfNeeded(out)
        switch options.style {
        case .hex, .bits, .littleEndian:
            written += finishLines(into: out + written)
        case .plain:
            if columns == 0 || plainRemaining < columns {
                out[written] = UInt8(ascii: "\n")
                written += 1
            }
        case .cInclude:
            written += finishCInclude(into: out + written)
        }
        return written
    }

    /// The `-i` declaration comes first, even for an empty input.
    private mutating func startIfNeeded(_ out: UnsafeMutablePointer<UInt8>) -> Int {
        guard !hasStarted else { return 0 }
        hasStarted = true
        return Self.copy(cIncludeHeader, to: out)
    }

    static func copy(_ text: [UInt8], to out: UnsafeMutablePointer<UInt8>) -> Int {
        text.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { out.update(from: base, count: source.count) }
        }
        return text.count
    }
}
