/// A definition laid over the file at an offset: each field's offset, its type with the
/// length resolved (`char[12]`), and its value.
///
/// The bytes come from a `ByteWindows`: the editor hands it the frame's bytes, so a struct on
/// screen costs no read, and any other needs one read of a window (4 KiB or more), never one
/// per field.
public struct StructEvaluation: Sendable {
    /// At most this many bytes of an array are shown (and read); `...` says there are more.
    public static let shownArrayBytes = 256

    public struct Field: Sendable {
        public let name: String
        /// Nil when an earlier length could not be read, so where this field starts is unknown.
        public let offset: Int?
        /// `u16le`, `u8[16]`; an array whose length is unknown keeps its written form.
        public let type: String
        public let value: TypedValue
    }

    public let offset: Int
    public let fields: [Field]

    /// Lays `definition` over the bytes from `offset`.
    init(_ definition: StructDefinition, at offset: Int, bytes: inout ByteWindows) throws(EditorError) {
        self.offset = offset
        var fields: [Field] = []
        var position: Int? = offset
        var integers: [String: Int64] = [:]
        let size = bytes.fileSize
        for field in definition.fields {
            guard let at = position else {
                fields.append(Field(name: field.name, offset: nil, type: field.type.text, value: .missing))
                continue
            }
            switch field.type {
            case .scalar(let type):
                let slice = try bytes.bytes(at: at, count: type.size)
                let value = slice.count == type.size ? type.decode(slice) : .missing
                switch value {
                case .unsigned(let number): integers[field.name] = Int64(exactly: number)
                case .signed(let number): integers[field.name] = number
                default: break
                }
                fields.append(Field(name: field.name, offset: at, type: type.rawValue, value: value))
                position = at.addingReportingOverflow(type.size).overflow ? nil : at + type.size
            case .bytes(let length), .characters(let length):
                let isText = if case .characters = field.type { true } else { false }
                let count: Int?
                switch length {
                case .fixed(let number): count = number
                case .field(let name): count = integers[name].flatMap { $0 >= 0 ? Int(exactly: $0) : nil }
                }
                guard let count else {
                    // Its length is past the end of the file, negative or too large: no value, and
                    // no offset for the fields after it.
                    let known = if case .field(let name) = length, integers[name] != nil { true } else { false }
                    fields.append(
                        Field(name: field.name, offset: at, type: field.type.text, value: known ? .invalid : .missing))
                    position = nil
                    continue
                }
                let type = (isText ? "char" : "u8") + "[\(count)]"
                let (end, overflow) = at.addingReportingOverflow(count)
                guard !overflow, end <= size else {
                    fields.append(Field(name: field.name, offset: at, type: type, value: .missing))
                    position = overflow ? nil : end
                    continue
                }
                let shown = Array(try bytes.bytes(at: at, count: min(count, Self.shownArrayBytes)))
                let value: TypedValue = isText ? .characters(shown, total: count) : .bytes(shown, total: count)
                fields.append(Field(name: field.name, offset: at, type: type, value: value))
                position = end
            }
        }
        self.fields = fields
    }

    /// `0xOFFSET NAME TYPE VALUE` lines, the columns aligned.
    public var lines: [String] {
        let offsets = fields.map { $0.offset.map(hex) ?? "-" }
        let offsetWidth = offsets.map(\.count).max() ?? 0
        let nameWidth = fields.map(\.name.count).max() ?? 0
        let typeWidth = fields.map(\.type.count).max() ?? 0
        return zip(offsets, fields).map { offset, field in
            Self.padded(offset, offsetWidth) + "  " + Self.padded(field.name, nameWidth) + "  "
                + Self.padded(field.type, typeWidth) + "  " + field.value.plain
        }
    }

    /// `{"struct":"gif","offset":0,"fields":[{"name":…,"offset":…,"type":…,"value":…},…]}`.
    func json(name: String?) -> String {
        JSON.object([
            ("struct", name.map(JSON.Value.string) ?? .null),
            ("offset", .number(offset)),
            (
                "fields",
                .array(
                    fields.map { field in
                        .object([
                            ("name", .string(field.name)),
                            ("offset", field.offset.map(JSON.Value.number) ?? .null),
                            ("type", .string(field.type)),
                            ("value", field.value.json),
                        ])
                    })
            ),
        ])
    }

    static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
