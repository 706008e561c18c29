/// How an xxd-compatible dump looks: the settings behind xxd's `-b -e -p -i -c -g -u -a -o -d -E -C -n`.
///
/// The defaults reproduce plain `xxd FILE`. Values are stored as the user gave them; `columns` and
/// `groupSize` are resolved the way xxd 2022-01-14 resolves them (see `resolvedColumns`).
public struct XXDOptions: Equatable, Sendable {
    /// The output style; in xxd the last of `-b -e -p -i` on the command line wins.
    public enum Style: Equatable, Sendable {
        /// Offset, hex groups, ASCII column (the default).
        case hex
        /// `-b`: eight binary digits per byte.
        case bits
        /// `-e`: hex groups printed as little-endian words.
        case littleEndian
        /// `-p`: continuous hex, no offsets and no ASCII column.
        case plain
        /// `-i`: a C array initialiser.
        case cInclude
    }

    public var style: Style
    /// `-c`: bytes per line; `nil` (or 0 outside `.plain`) means the style's default.
    public var columns: Int?
    /// `-g`: bytes per group; `nil` or negative means the style's default (xxd keeps "not given" as
    /// -1 and tests only the sign), 0 or above `columns` means one group.
    public var groupSize: Int?
    /// `-u`: upper-case hex digits.
    public var uppercase: Bool
    /// `-a`: replace runs of three or more all-zero lines by a single `*`.
    public var autoskip: Bool
    /// `-o`: added to every printed offset, wrapping like xxd's `unsigned long`.
    public var displayOffset: UInt64
    /// `-d`: print offsets in decimal.
    public var decimalOffsets: Bool
    /// `-E`: the text column decodes EBCDIC.
    public var ebcdic: Bool
    /// `-C`: capitalise the C variable names of `-i`.
    public var capitalizeNames: Bool
    /// `-n`, or the input's path: the C variable name of `-i`, as bytes (a file name need not be
    /// UTF-8, and xxd spells each byte); `nil` prints the bare initialiser (stdin).
    public var variableName: [UInt8]?

    public init(
        style: Style = .hex,
        columns: Int? = nil,
        groupSize: Int? = nil,
        uppercase: Bool = false,
        autoskip: Bool = false,
        displayOffset: UInt64 = 0,
        decimalOffsets: Bool = false,
        ebcdic: Bool = false,
        capitalizeNames: Bool = false,
        variableName: [UInt8]? = nil
    ) {
        self.style = style
        self.columns = columns
        self.groupSize = groupSize
        self.uppercase = uppercase
        self.autoskip = autoskip
        self.displayOffset = displayOffset
        self.decimalOffsets = decimalOffsets
        self.ebcdic = ebcdic
        self.capitalizeNames = capitalizeNames
        self.variableName = variableName
    }

    /// The widest line xxd accepts for the offset/hex/text styles.
    public static let maximumColumns = 256

    /// Whether the style prints offset, hex and text columns (and so honours `-g`, `-a`, `-o`, `-d`).
    public var isLineStyle: Bool {
        switch style {
        case .hex, .bits, .littleEndian: true
        case .plain, .cInclude: false
        }
    }

    /// Bytes per line after xxd's defaulting (16, `-b` 6, `-i` 12, `-p` 30; `-p -c 0` is one endless line).
    public var resolvedColumns: Int {
        if let columns, columns != 0 || style == .plain { return columns }
        switch style {
        case .hex, .littleEndian: return 16
        case .bits: return 6
        case .plain: return 30
        case .cInclude: return 12
        }
    }

    /// Bytes per group after xxd's defaulting and clamping (an out-of-range group is the whole line).
    public var resolvedGroupSize: Int {
        let columns = resolvedColumns
        let requested: Int
        if let groupSize, groupSize >= 0 {
            requested = groupSize
        } else {
            switch style {
            case .hex: requested = 2
            case .bits: requested = 1
            case .littleEndian: requested = 4
            case .plain, .cInclude: requested = 0
            }
        }
        return requested < 1 || requested > columns ? columns : requested
    }

    /// Checks the combination the way xxd does before it reads anything.
    public func validate() throws(XXDOptionError) {
        let columns = resolvedColumns
        if style == .plain ? columns < 0 : columns < 1 {
            throw .invalidColumns
        }
        if isLineStyle && columns > Self.maximumColumns {
            throw .invalidColumns
        }
        // xxd rejects a non-power-of-two group with -e only when the group was not clamped to the line.
        if style == .littleEndian, let groupSize, groupSize >= 1, groupSize <= columns,
            groupSize & (groupSize - 1) != 0
        {
            throw .groupNotPowerOfTwo
        }
    }
}

/// A dump setting that xxd would refuse; `description` is xxd's message.
public enum XXDOptionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `-c` below 1 (below 0 with `-p`) or above 256 for the line styles.
    case invalidColumns
    /// `-e` with a group size that is not a power of two.
    case groupNotPowerOfTwo

    /// What is wrong, in the library's terms; the dump command prints xxd's own wording instead.
    public var description: String {
        switch self {
        case .invalidColumns: "invalid number of columns (max. \(XXDOptions.maximumColumns))."
        case .groupNotPowerOfTwo: "number of octets per group must be a power of 2 for little-endian groups."
        }
    }
}
