import HexDump

extension XXDOptionError {
    /// xxd's own message, which names its options (HexDump's messages name none).
    var xxdMessage: String {
        switch self {
        case .invalidColumns: "invalid number of columns (max. \(XXDOptions.maximumColumns))."
        case .groupNotPowerOfTwo: "number of octets per group must be a power of 2 with -e."
        }
    }
}
