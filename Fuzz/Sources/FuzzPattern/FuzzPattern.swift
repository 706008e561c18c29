import FuzzSupport

// The matchers that scan a buffer (`firstMatch(in:from:)`, `lastMatch(in:)`, `countMatches(in:)`,
// `forEachMatch(in:_:)`) are internal: the fuzz build compiles HexEditor with -enable-testing.
@testable import HexEditor

/// The search pattern grammar (`find`, `/`, `?`): the input up to its first NUL byte is the
/// PATTERN, parsed as `/` parses it (the command language's `find PATTERN`); then the pattern is
/// matched against the whole input, with one sure match appended.
///
/// Beyond not crashing:
/// - values and masks agree in length and no value bit lies outside its mask;
/// - the pattern's text parses back to the same pattern, and its hex description has two
///   characters a byte;
/// - the fast matchers (memchr on the anchor byte, the SIMD filter, the backward scan) find
///   exactly the matches a byte-by-byte scan finds: first from several starts, last, all, count.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPattern(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    let text = bytes.firstIndex(of: 0).map { Array(bytes[..<$0]) } ?? bytes
    guard let pattern = parse(text) else { return 0 }
    checkShape(pattern)
    var random = InputRandom(bytes)
    // The input itself, then an instance of the pattern (wildcard bits filled at random) so
    // there is at least one match; a few random bytes after it so it need not be last.
    var haystack = bytes
    for (value, mask) in zip(pattern.values, pattern.masks) {
        haystack.append(value | (UInt8(truncatingIfNeeded: random.next()) & ~mask))
    }
    for _ in 0..<random.next(in: 0...20) { haystack.append(UInt8(truncatingIfNeeded: random.next())) }
    checkMatches(pattern, in: haystack, random: &random)
    // Also against a haystack shorter than the pattern and one exactly its length.
    checkMatches(pattern, in: Array(haystack.suffix(pattern.count - 1)), random: &random)
    checkMatches(pattern, in: Array(haystack.suffix(pattern.count)), random: &random)
    return 0
}

/// The pattern `/` would search for, or nil where it reports a syntax error.
private func parse(_ text: [UInt8]) -> BytePattern? {
    // `try?` flattens the parser's optional: nil is a syntax error (a blank line cannot occur).
    guard let command = try? CommandParser.parse(bytes: Array("find ".utf8) + text),
        command.name == "find", command.arguments.count == 1
    else { return nil }
    return command.pattern("PATTERN")
}

private func checkShape(_ pattern: BytePattern) {
    require(!pattern.isEmpty, "an empty pattern parsed")
    require(pattern.values.count == pattern.masks.count, "\(pattern.values.count) values, \(pattern.masks.count) masks")
    require(
        zip(pattern.values, pattern.masks).allSatisfy { $0 & ~$1 == 0 },
        "value bits outside the mask: \(pattern.hexDescription)")
    require(pattern.hexDescription.utf8.count == 2 * pattern.count, "hex description \(pattern.hexDescription)")
    let text = pattern.text
    let again = parse(Array(text.utf8))
    require(
        again == pattern,
        "text '\(text)' parses to \(again?.hexDescription ?? "an error"), not \(pattern.hexDescription)")
}

/// Every start where `pattern` matches wholly inside `haystack`, byte by byte.
private func naiveMatches(_ pattern: BytePattern, in haystack: [UInt8]) -> [Int] {
    guard haystack.count >= pattern.count else { return [] }
    return (0...(haystack.count - pattern.count)).filter { start in
        pattern.values.indices.allSatisfy { haystack[start + $0] & pattern.masks[$0] == pattern.values[$0] }
    }
}

private func checkMatches(_ pattern: BytePattern, in haystack: [UInt8], random: inout InputRandom) {
    let expected = naiveMatches(pattern, in: haystack)
    func name() -> String { pattern.hexDescription }  // built only for a failure's message
    haystack.withUnsafeBytes { buffer in
        var starts = [0, haystack.count - pattern.count, haystack.count]
        for _ in 0..<4 { starts.append(random.next(in: 0...haystack.count)) }
        for from in starts where from >= 0 {
            let want = expected.first { $0 >= from }
            let got = pattern.firstMatch(in: buffer, from: from)
            require(
                got == want,
                "\(name()) from \(from) in \(haystack.count) bytes: first match \(String(describing: got)), expected \(String(describing: want))"
            )
        }
        let last = pattern.lastMatch(in: buffer)
        require(
            last == expected.last,
            "\(name()): last match \(String(describing: last)), expected \(String(describing: expected.last))")
        let count = pattern.countMatches(in: buffer)
        require(count == expected.count, "\(name()): \(count) matches, expected \(expected.count)")
        var all: [Int] = []
        do {
            try pattern.forEachMatch(in: buffer) { (start) throws(EditorError) -> Bool in
                all.append(start)
                return true
            }
        } catch {
            require(false, "\(name()): forEachMatch threw \(error)")
        }
        require(all == expected, "\(name()): matches \(all), expected \(expected)")
    }
}
