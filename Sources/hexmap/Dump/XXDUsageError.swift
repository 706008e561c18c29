import HexEditor

/// A command line xxd would answer with its usage text (exit status 1).
enum XXDUsageError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownOption(String)
    case missingValue(String)
    case tooManyOperands

    /// The offending word is escaped: it comes from the command line and may hold escape sequences.
    var description: String {
        switch self {
        case .unknownOption(let option): "unknown option '\(TerminalText.escaped(option))'"
        case .missingValue(let option): "option '\(TerminalText.escaped(option))' needs a value"
        case .tooManyOperands: "too many operands: expected [infile [outfile]]"
        }
    }

    /// The option summary printed with a usage error, as xxd prints its own.
    static let usage = """
        Usage:
               hexmap dump [options] [infile [outfile]]
            or
               hexmap dump -r [-s [-]offset] [-c cols] [-ps] [infile [outfile]]
        Options:
            -a          toggle autoskip: A single '*' replaces nul-lines. Default off.
            -b          binary digit dump (incompatible with -ps,-i,-r). Default hex.
            -C          capitalize variable names in C include file style (-i).
            -c cols     format <cols> octets per line. Default 16 (-i: 12, -ps: 30).
            -E          show characters in EBCDIC. Default ASCII.
            -e          little-endian dump (incompatible with -ps,-i,-r).
            -g bytes    number of octets per group in normal output. Default 2 (-e: 4).
            -h          print this summary.
            -i          output in C include file style.
            -l len      stop after <len> octets.
            -n name     set the variable name used in C include output (-i).
            -o off      add <off> to the displayed file position.
            -ps         output in postscript plain hexdump style.
            -r          reverse operation: convert (or patch) hexdump into binary.
            -r -s off   revert with <off> added to file positions found in hexdump.
            -d          show offset in decimal instead of hex.
            -s [+][-]seek  start at <seek> bytes abs. (or +: rel.) infile offset.
            -u          use upper case hex letters.
            -v          show version.

        """
}
