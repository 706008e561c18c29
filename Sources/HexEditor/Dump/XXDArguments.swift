/// `hexmap dump`'s command line, read with xxd's own rules so that any xxd invocation works.
///
/// xxd matches options by their first two characters (`-ps` is `-p`, `-cols 8` is `-c 8`), takes
/// values attached or separate (`-c16`, `-c 16`), accepts a doubled dash (`--autoskip`), stops at the
/// first operand, and takes at most two operands: input and output (`-` or none means the standard
/// streams). Later style flags win over earlier ones (`-b -p` is `-p`).
public struct XXDArguments: Equatable, Sendable {
    public var options = XXDOptions()
    /// `-r`: turn a dump back into bytes.
    public var reverse = false
    /// `-s`; nil when not given.
    public var seek: XXDSeek?
    /// `-l`; nil when not given or negative (xxd treats a negative length as no limit).
    public var length: Int?
    /// nil: standard input.
    public var inputPath: String?
    /// nil: standard output.
    public var outputPath: String?
    /// `-v`: print the version and stop.
    public var showVersion = false

    public init() {}

    /// Reads the arguments that follow `dump`.
    public static func parse(_ arguments: [String]) throws(XXDUsageError) -> XXDArguments {
        var parsed = XXDArguments()
        var variableName: String?
        var index = 0

        func value(attached: Substring, longSuffix: String) throws(XXDUsageError) -> String {
            if !attached.isEmpty && !attached.hasPrefix(longSuffix) { return String(attached) }
            index += 1
            guard index < arguments.count else { throw .missingValue(arguments[index - 1]) }
            return arguments[index]
        }

        while index < arguments.count {
            let argument = arguments[index]
            // `--name` is read as `-name`; `--` alone ends the options.
            let option = argument.hasPrefix("--") && argument.count > 2 ? argument.dropFirst() : Substring(argument)
            if option == "--" {
                index += 1
                break
            }
            guard option.hasPrefix("-"), option.count > 1 else { break }
            let attached = option.dropFirst(2)
            switch option.dropFirst().first {
            case "a": parsed.options.autoskip.toggle()
            case "b": parsed.options.style = .bits
            case "e": parsed.options.style = .littleEndian
            case "u": parsed.options.uppercase = true
            case "p": parsed.options.style = .plain
            case "i": parsed.options.style = .cInclude
            case "C": parsed.options.capitalizeNames = true
            case "d": parsed.options.decimalOffsets = true
            case "r": parsed.reverse = true
            case "E": parsed.options.ebcdic = true
            case "v":
                parsed.showVersion = true
                return parsed
            case "c":
                if attached.hasPrefix("apitalize") {
                    parsed.options.capitalizeNames = true
                } else {
                    parsed.options.columns = XXDNumber.int(try value(attached: attached, longSuffix: "ols"))
                }
            case "g":
                parsed.options.groupSize = XXDNumber.int(try value(attached: attached, longSuffix: "roup"))
            case "o":
                if !attached.isEmpty && !attached.hasPrefix("ffset") {
                    parsed.options.displayOffset = XXDNumber.unsignedLong(attached)
                } else {
                    var text = Substring(try value(attached: "", longSuffix: ""))
                    if text.hasPrefix("+") { text = text.dropFirst() }
                    if text.hasPrefix("-") {
                        parsed.options.displayOffset = 0 &- XXDNumber.unsignedLong(text.dropFirst())
                    } else {
                        parsed.options.displayOffset = XXDNumber.unsignedLong(text)
                    }
                }
            case "s":
                let text: Substring
                if !attached.isEmpty && !attached.hasPrefix("kip") && !attached.hasPrefix("eek") {
                    text = attached
                } else {
                    text = Substring(try value(attached: "", longSuffix: ""))
                }
                parsed.seek = XXDSeek(text)
            case "l":
                let length = XXDNumber.long(try value(attached: attached, longSuffix: "en"))
                parsed.length = length < 0 ? nil : length
            case "n":
                variableName = try value(attached: attached, longSuffix: "ame")
            default:
                throw .unknownOption(argument)
            }
            index += 1
        }

        let operands = arguments[index...]
        guard operands.count <= 2 else { throw .tooManyOperands }
        if let input = operands.first, input != "-" { parsed.inputPath = input }
        if operands.count == 2, let output = operands.last, output != "-" { parsed.outputPath = output }
        // A name given with -n wins; otherwise -i names the array after the input path as typed.
        parsed.options.variableName = variableName ?? parsed.inputPath
        return parsed
    }
}

/// `-s [+][-]OFFSET`: where reading starts (or, with `-r`, what is added to the dump's offsets).
public struct XXDSeek: Equatable, Sendable {
    /// The number after the signs, read like `strtol` (so it may itself be negative: `-s --5`).
    public var offset: Int
    /// `+`: relative to the input's current position (xxd's form for a pipe already partly read).
    public var isRelative: Bool
    /// `-`: counted back from the end of the input.
    public var isFromEnd: Bool

    public init(offset: Int, isRelative: Bool = false, isFromEnd: Bool = false) {
        self.offset = offset
        self.isRelative = isRelative
        self.isFromEnd = isFromEnd
    }

    init(_ text: Substring) {
        var rest = text
        isRelative = rest.hasPrefix("+")
        if isRelative { rest = rest.dropFirst() }
        isFromEnd = rest.hasPrefix("-")
        if isFromEnd { rest = rest.dropFirst() }
        offset = XXDNumber.long(rest)
    }

    /// The signed amount xxd moves by: `-offset` when counting from the end.
    public var signedOffset: Int { isFromEnd ? 0 &- offset : offset }
}

/// A command line xxd would answer with its usage text (exit status 1).
public enum XXDUsageError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownOption(String)
    case missingValue(String)
    case tooManyOperands

    public var description: String {
        switch self {
        case .unknownOption(let option): "unknown option '\(option)'"
        case .missingValue(let option): "option '\(option)' needs a value"
        case .tooManyOperands: "too many operands: expected [infile [outfile]]"
        }
    }

    /// The option summary printed with a usage error, as xxd prints its own.
    public static let usage = """
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
