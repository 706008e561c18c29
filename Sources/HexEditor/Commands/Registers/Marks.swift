/// The marks of a session: `mark NAME [OFF]` and the `m` key set them, `'a` stands for one
/// wherever an offset goes (`print 'a 32`, `goto 'a`, the `'` key).
///
/// A mark is an offset, as in bvi: inserting or deleting bytes before it does not move it.
/// Once the file has shrunk below it, using it is an error (`CommandInterpreter.resolve`);
/// when the file grows back, it works again.
public struct Marks: Equatable, Sendable {
    private var offsets: [Character: Int] = [:]

    public init() {}

    /// The offset of mark `name`, if it is set.
    public subscript(name: Character) -> Int? { offsets[name] }

    public mutating func set(_ name: Character, to offset: Int) {
        offsets[name] = offset
    }

    /// Every mark set, by name.
    public var all: [(name: Character, offset: Int)] {
        offsets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The mark a word names: a single ASCII letter (`a`-`z`, `A`-`Z`, told apart), else nil.
    public static func name(_ word: String) -> Character? {
        guard word.count == 1, let letter = word.first, letter.isASCII, letter.isLetter else { return nil }
        return letter
    }
}
