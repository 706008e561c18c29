/// A structure to lay over the file: fields one after another from an offset, each a
/// `TYPE NAME`. TYPE is an integer or float name (`u32le`), `u8[N]` (bytes, shown as hex) or
/// `char[N]` (text, shown as a quoted string), where N is a number or the name of an earlier
/// integer field (`char[file_name_length] file_name`).
public struct StructDefinition: Equatable, Sendable {
    public enum Length: Equatable, Sendable {
        case fixed(Int)
        /// The value of an earlier integer field.
        case field(String)

        var text: String {
            switch self {
            case .fixed(let count): String(count)
            case .field(let name): name
            }
        }
    }

    public enum FieldType: Equatable, Sendable {
        case scalar(ScalarType)
        case bytes(Length)
        case characters(Length)

        /// As written: `u16le`, `u8[16]`, `char[file_name_length]`.
        public var text: String {
            switch self {
            case .scalar(let type): type.rawValue
            case .bytes(let length): "u8[\(length.text)]"
            case .characters(let length): "char[\(length.text)]"
            }
        }
    }

    public struct Field: Equatable, Sendable {
        public let type: FieldType
        public let name: String
    }

    public let fields: [Field]

    public init(fields: [Field]) {
        self.fields = fields
    }

    /// The bytes the fields take before any array whose length is another field's value:
    /// what a panel reads ahead in one go.
    public var fixedPrefixSize: Int {
        var total = 0
        for field in fields {
            switch field.type {
            case .scalar(let type): total += type.size
            case .bytes(.fixed(let count)), .characters(.fixed(let count)):
                total += min(count, StructEvaluation.shownArrayBytes)
            case .bytes(.field), .characters(.field): return total
            }
        }
        return total
    }

    /// `u32le magic, u16le count`: the definition as a FIELDS argument (it parses back to itself).
    public var text: String {
        fields.map { "\($0.type.text) \($0.name)" }.joined(separator: ", ")
    }
}
