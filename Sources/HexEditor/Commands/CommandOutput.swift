/// Where one command's text goes: streamed to the sink in chunks of whole lines (headless), or
/// collected as lines for the caller (interactive).
struct CommandOutput {
    /// Chunks handed to the sink are about this big: few writes, bounded memory.
    static let chunkSize = 64 << 10

    /// Without a sink, at most this many lines are kept (a `find all` over a big file can match
    /// millions of times); the rest are counted and summed up in a last line.
    static let collectedLineLimit = 100_000

    private let sink: (any OutputSink)?
    private var pending: [UInt8] = []
    private var kept: [String] = []
    private var dropped = 0

    /// The collected lines, with a note at the end if some were left out.
    var collected: [String] {
        dropped == 0 ? kept : kept + ["(\(dropped) more lines not shown: run the command headless to see them all)"]
    }

    private mutating func collect(_ line: String) {
        if kept.count < Self.collectedLineLimit {
            kept.append(line)
        } else {
            dropped += 1
        }
    }

    init(sink: (any OutputSink)?) {
        self.sink = sink
    }

    var isStreaming: Bool { sink != nil }

    mutating func line(_ text: String) throws(EditorError) {
        if sink == nil {
            collect(text)
            return
        }
        pending.append(contentsOf: text.utf8)
        pending.append(0x0A)
        if pending.count >= Self.chunkSize { try flush() }
    }

    /// Appends a line given as ASCII bytes (the hot path of `print`).
    mutating func line(bytes: some Sequence<UInt8>) throws(EditorError) {
        if sink == nil {
            collect(String(decoding: Array(bytes), as: UTF8.self))
            return
        }
        pending.append(contentsOf: bytes)
        pending.append(0x0A)
        if pending.count >= Self.chunkSize { try flush() }
    }

    /// Appends text made of whole lines, each ending in a newline.
    mutating func text(_ bytes: [UInt8]) throws(EditorError) {
        guard !bytes.isEmpty else { return }
        if sink == nil {
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
                collect(String(decoding: line, as: UTF8.self))
            }
            return
        }
        pending.append(contentsOf: bytes)
        if pending.count >= Self.chunkSize { try flush() }
    }

    /// Appends part of a line, when streaming: a line of any length (`print ... as hex`) goes
    /// out a window at a time. Collected output takes whole lines only (`text`).
    mutating func fragment(_ bytes: [UInt8]) throws(EditorError) {
        precondition(sink != nil, "fragments are for streamed output")
        pending.append(contentsOf: bytes)
        if pending.count >= Self.chunkSize { try flush() }
    }

    mutating func flush() throws(EditorError) {
        guard let sink, !pending.isEmpty else { return }
        try sink.write(pending)
        pending.removeAll(keepingCapacity: true)
    }
}
