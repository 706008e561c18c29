/// Where one command's text goes: streamed to the sink in chunks of whole lines (headless), or
/// collected as lines for the caller (interactive).
struct CommandOutput {
    /// Chunks handed to the sink are about this big: few writes, bounded memory.
    static let chunkSize = 64 << 10

    private let sink: (any OutputSink)?
    private var pending: [UInt8] = []
    private(set) var collected: [String] = []

    init(sink: (any OutputSink)?) {
        self.sink = sink
    }

    var isStreaming: Bool { sink != nil }

    mutating func line(_ text: String) throws(EditorError) {
        if sink == nil {
            collected.append(text)
            return
        }
        pending.append(contentsOf: text.utf8)
        pending.append(0x0A)
        if pending.count >= Self.chunkSize { try flush() }
    }

    /// Appends a line given as ASCII bytes (the hot path of `print`).
    mutating func line(bytes: some Sequence<UInt8>) throws(EditorError) {
        if sink == nil {
            collected.append(String(decoding: Array(bytes), as: UTF8.self))
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
                collected.append(String(decoding: line, as: UTF8.self))
            }
            return
        }
        pending.append(contentsOf: bytes)
        if pending.count >= Self.chunkSize { try flush() }
    }

    mutating func flush() throws(EditorError) {
        guard let sink, !pending.isEmpty else { return }
        try sink.write(pending)
        pending.removeAll(keepingCapacity: true)
    }
}
