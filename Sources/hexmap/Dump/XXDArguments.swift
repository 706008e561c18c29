import HexDump

/// `hexmap dump`'s command line, read with xxd's own rules so that any xxd invocation works.
///
/// xxd matches options by their first two characters (`-ps` is `-p`, `-cols 8` is `-c 8`), takes
/// values attached or separate (`-c16`, `-c 16`), accepts a doubled dash (`--autoskip`), stops at the
/// first operand, and takes at most two operands: input and output (`-` or none means the standard
/// streams). Later style flags win over earlier ones (`-b -p` is `-p`).
struct XXDArguments: Equatable, Sendable {
    var options = XXDOptions()
    /// `-r`: turn a dump back into bytes.
    var reverse = false
    /// `-s`; nil when not given.
    var seek: XXDSeek?
    /// `-l`; nil when not given or negative (xxd treats a negative length as no limit).
    var length: Int?
    /// nil: standard input.
    var inputPath: DumpPath?
    /// nil: standard output.
    var outputPath: DumpPath?
    /// `-v`: print the version and stop.
    var showVersion = false

    init() {}

    /// Reads the arguments that follow `dump`. `bytes` holds each argument as the kernel passed
    /// it (see `RawArgument`): file names and `-n`'s name are taken from there, since the
    /// texts have bytes that are not UTF-8 replaced. By default, the texts' own UTF-8.
    static func parse(_ arguments: [String], bytes: [[UInt8]]? = nil) throws(XXDUsageError) -> XXDArguments {
        let bytes = bytes ?? arguments.map { Array($0.utf8) }
        precondition(bytes.count == arguments.count, "one byte array per argument")
        var parsed = XXDArguments()
        var variableName: [UInt8]?
        var index = 0

        func value(attached: Substring, longSuffix: String) throws(XXDUsageError) -> String {
            if !attached.isEmpty && !attached.hasPrefix(longSuffix) { return String(attached) }
            index += 1
            guard index < arguments.count else { throw .missingValue(arguments[index - 1]) }
            return arguments[index]
        }

        /// A value as bytes: the part after the option's ASCII prefix, or the next argument.
        func byteValue(attached: Substring, longSuffix: String) throws(XXDUsageError) -> [UInt8] {
            if !attached.isEmpty && !attached.hasPrefix(longSuffix) {
                return Array(bytes[index].dropFirst(arguments[index].utf8.count - attached.utf8.count))
            }
            _ = try value(attached: "", longSuffix: "")
            return bytes[index]
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
                variableName = try byteValue(attached: attached, longSuffix: "ame")
            default:
                throw .unknownOption(argument)
            }
            index += 1
        }

        let operands = arguments.indices[index...]
        guard operands.count <= 2 else { throw .tooManyOperands }
        if let input = operands.first, arguments[input] != "-" { parsed.inputPath = DumpPath(bytes: bytes[input]) }
        if operands.count == 2, let output = operands.last, arguments[output] != "-" {
            parsed.outputPath = DumpPath(bytes: bytes[output])
        }
        // A name given with -n wins; otherwise -i names the array after the input path as typed.
        parsed.options.variableName = variableName ?? parsed.inputPath?.bytes
        return parsed
    }
}
