import FuzzSupport
import HexDump

/// The xxd reverse parser (`hexmap dump -r`, `-r -p`). The first three bytes choose the
/// settings (plain or not, columns, `-s` base, group size, case, autoskip); the rest is used twice:
///
/// 1. as dump text to reverse, into an in-memory file (`XXDPatchSet`) and an in-memory pipe.
///    The result must not depend on how the text is cut into chunks; no write lands before 0;
///    the pipe, where it succeeds, holds the file's bytes (its gaps as zeros), then only zeros.
/// 2. as bytes to dump and reverse again (the round trip): the plain format (`-p`, any `-c`)
///    and the default format (any `-c` and `-g`, upper case, EBCDIC text, autoskip, a start
///    offset, a display offset undone by `-s`) give back exactly the bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXXDReverse(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = inputBytes(data, size)
    guard input.count >= 3 else { return 0 }
    let (flags, columnByte, extra) = (input[0], Int(input[1]), Int(input[2]))
    let body = Array(input[3...])
    let plain = flags & 1 != 0
    let columns = plain || columnByte > 0 ? columnByte : 256  // 0 is one endless line with -p
    var random = InputRandom(input)

    let base = flags & 2 != 0 ? extra << 4 : 0
    checkReverse(body, columns: columns, plain: plain, base: base, random: &random)

    if plain {
        roundTrip(body, options: XXDOptions(style: .plain, columns: columns, uppercase: flags & 4 != 0), plain: true)
    } else {
        let options = XXDOptions(
            style: .hex, columns: columns, groupSize: extra - 1,
            uppercase: flags & 4 != 0, autoskip: flags & 8 != 0,
            displayOffset: flags & 16 != 0 ? UInt64(extra) << 8 : 0, ebcdic: flags & 32 != 0)
        // A start offset, sometimes past what 8 hex digits show.
        let start =
            flags & 64 == 0 ? 0 : flags & 128 == 0 ? random.next(in: 0...0xFFFF) : random.next(in: 0...(1 << 40))
        roundTrip(body, options: options, plain: false, start: start)
    }
    return 0
}

/// An in-memory pipe: moves only forward, gaps arrive as zeros. Refuses to grow past a limit
/// (a dump may name an offset up to 2^60, which a pipe would fill with zeros).
private struct StreamSink: XXDReverseSink {
    static let limit = 1 << 16
    var bytes: [UInt8] = []
    var isSeekable: Bool { false }
    mutating func write(_ chunk: UnsafeRawBufferPointer, at position: Int) throws(XXDReverseError) {
        require(position == bytes.count, "a pipe got a write at \(position) after \(bytes.count) bytes")
        guard bytes.count + chunk.count <= Self.limit else { throw .outputFailed("over the fuzz limit") }
        bytes.append(contentsOf: chunk)
    }
}

private func reverse<Sink: XXDReverseSink>(
    _ text: [UInt8], columns: Int, plain: Bool, base: Int, chunks: [ArraySlice<UInt8>]? = nil, into sink: inout Sink
) -> XXDReverseError? {
    var parser = XXDReverseParser(columns: columns, isPlain: plain, baseOffset: base)
    // withUnsafeBytes only rethrows untyped errors, so the typed one is carried out by hand.
    var failure: XXDReverseError?
    for chunk in chunks ?? [text[...]] where failure == nil {
        chunk.withUnsafeBytes { bytes in
            do throws(XXDReverseError) {
                try parser.parse(bytes, into: &sink)
            } catch {
                failure = error
            }
        }
    }
    if failure != nil { return failure }
    do throws(XXDReverseError) {
        try parser.finish(into: &sink)
        return nil
    } catch {
        return error
    }
}

private func checkReverse(_ text: [UInt8], columns: Int, plain: Bool, base: Int, random: inout InputRandom) {
    // Messages are built only when an invariant fails (the fuzzer would mutate toward their text).
    func what() -> String { "reversing \(text.count) bytes of text (columns \(columns), plain \(plain), base \(base))" }
    var whole = XXDPatchSet()
    let wholeError = reverse(text, columns: columns, plain: plain, base: base, into: &whole)
    var pieces = XXDPatchSet()
    let chunks = random.chunks(of: text, longest: 64)
    let piecesError = reverse(text, columns: columns, plain: plain, base: base, chunks: chunks, into: &pieces)
    require(
        wholeError == piecesError,
        "\(what()): whole \(String(describing: wholeError)), in pieces \(String(describing: piecesError))")
    require(whole.runs == pieces.runs && whole.bytes == pieces.bytes, "\(what()): chunking changed the result")
    for run in whole.runs {
        require(run.position >= 0, "\(what()): a write at \(run.position)")
        require(
            run.position <= XXDReverseParser.maximumOffset, "\(what()): a write at \(run.position), past the limit")
    }

    // A pipe moves forward by writing zeros one at a time: compare where the file is small (a
    // far offset in random text would cost a pipe 64 KiB of zeros before it gave up).
    guard wholeError == nil, whole.end <= 1 << 12 else { return }
    var stream = StreamSink()
    let streamError = reverse(text, columns: columns, plain: plain, base: base, into: &stream)
    if streamError == nil {
        // A pipe moves forward by writing zeros, so it may hold zeros past the file's end (an
        // offset with no data after it); a file only seeks.
        require(
            whole.end <= stream.bytes.count,
            "\(what()): the file ends at \(whole.end), the pipe at \(stream.bytes.count)")
        var file = [UInt8](repeating: 0, count: whole.end)
        whole.apply { (bytes, position) in file.replaceSubrange(position..<position + bytes.count, with: bytes) }
        require(
            file[...] == stream.bytes[..<whole.end] && stream.bytes[whole.end...].allSatisfy { $0 == 0 },
            "\(what()): the pipe's bytes differ from the file's")
    }
}

private func roundTrip(_ bytes: [UInt8], options: XXDOptions, plain: Bool, start: Int = 0) {
    guard (try? options.validate()) != nil else { return }
    let dump = XXDFormatter.dump(bytes, at: start, options: options)
    // `-o N` shows every offset N higher; `-r -s -N` takes it off again.
    let base = -Int(options.displayOffset)
    func what() -> String { "round trip of \(bytes.count) bytes at \(start) with \(options)" }
    var file = XXDPatchSet()
    let error = reverse(dump, columns: options.resolvedColumns, plain: plain, base: base, into: &file)
    require(error == nil, "\(what()): \(String(describing: error))")
    // The runs must put the bytes back at `start` (plain dumps have no offsets: at 0), in order;
    // only zeros may be left out (autoskip's `*`), and the file must end where the bytes end.
    let origin = plain ? 0 : start
    var next = 0  // the next byte of `bytes` not accounted for
    for run in file.runs {
        let at = run.position - origin
        let chunk = file.bytes[run.storage]
        require(
            at >= next && at + chunk.count <= bytes.count, "\(what()): a run of \(chunk.count) at \(at), after \(next)")
        require(bytes[next..<at].allSatisfy { $0 == 0 }, "\(what()): nonzero bytes \(next)..<\(at) left out")
        require(
            bytes[at..<at + chunk.count] == chunk,
            "\(what()): the run at \(at) differs\(firstDifference(Array(chunk), Array(bytes[at..<at + chunk.count])))")
        next = at + chunk.count
    }
    require(bytes[next...].allSatisfy { $0 == 0 }, "\(what()): nonzero bytes from \(next) left out")
    let end = bytes.isEmpty ? 0 : origin + bytes.count
    require(file.end == end, "\(what()): the file ends at \(file.end), not \(end)")
}

private func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
    guard let index = (0..<min(a.count, b.count)).first(where: { a[$0] != b[$0] }) else { return "" }
    return ", first difference at \(index): \(a[index]) vs \(b[index])"
}
