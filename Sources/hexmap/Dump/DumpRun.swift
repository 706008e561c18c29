import HexDump
import HexEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of `hexmap dump`: xxd's steps in xxd's order, so the same mistakes give the same
/// exit status (options, then opening input and output, then `-r`'s style, then seeking).
struct DumpRun {
    let arguments: XXDArguments
    /// Input read per block; the formatted text of one block goes out in one write(2).
    static let blockSize = 1 << 20

    /// Runs the command line that followed `dump` and returns the exit status. `bytes` holds the
    /// same arguments as the kernel passed them (see `XXDArguments.parse`).
    static func main(_ commandLine: [String], bytes: [[UInt8]]? = nil) -> Int32 {
        do {
            let arguments: XXDArguments
            do {
                arguments = try XXDArguments.parse(commandLine, bytes: bytes)
            } catch .unknownOption(let option) where option.hasPrefix("-h") || option.hasPrefix("--h") {
                // xxd's -h (any option it begins): the usage alone, status 1.
                writeToStandardError(XXDUsageError.usage)
                return 1
            } catch {
                writeToStandardError("hexmap dump: \(error.description)\n" + XXDUsageError.usage)
                return 1
            }
            if arguments.showVersion {
                writeToStandardError("hexmap dump: xxd 2022-01-14 compatible\n")
                return 0
            }
            try DumpRun(arguments: arguments).run()
            return 0
        } catch {
            writeToStandardError("hexmap dump: \(error.message)\n")
            return error.exitStatus
        }
    }

    func run() throws(DumpFailure) {
        do {
            try arguments.options.validate()
        } catch {
            throw .usage(error.xxdMessage)
        }
        let input = try openInput()
        defer { if input != 0 { DumpSyscalls.closeFile(input) } }
        // Like xxd: a dump truncates an existing output file, a reverse patches it in place.
        let output = try DumpOutput.open(arguments.outputPath, truncating: !arguments.reverse)
        do {
            try run(input: input, output: output)
            try output.finish()
        } catch {
            output.abandon()
            throw error
        }
    }

    private func run(input: Int32, output: DumpOutput) throws(DumpFailure) {
        if arguments.reverse {
            guard arguments.options.style == .hex || arguments.options.style == .plain else {
                throw .cannotReverseStyle
            }
            try DumpReverseRun(arguments: arguments, input: input, output: output).run()
            return
        }
        let start = try seekInput(input)
        var source = makeSource(input: input, start: start)
        try dump(from: &source, startingAt: start, to: output.fd)
    }

    private func openInput() throws(DumpFailure) -> Int32 {
        guard let path = arguments.inputPath else { return 0 }
        do {
            return try DumpSyscalls.openFile(path, flags: O_RDONLY)
        } catch {
            throw .input("\(path.shown): \(error.description)")
        }
    }

    /// Applies `-s` as xxd does: seek where the input can, otherwise read and discard; returns the
    /// file offset of the first byte dumped.
    private func seekInput(_ fd: Int32) throws(DumpFailure) -> Int {
        // `-s +0` does nothing at all (xxd seeks only for a non-zero, a negative or an absolute -s).
        guard let seek = arguments.seek, seek.offset != 0 || seek.isFromEnd || !seek.isRelative else { return 0 }
        let whence = seek.isRelative ? SEEK_CUR : seek.isFromEnd ? SEEK_END : SEEK_SET
        if let position = DumpSyscalls.seek(fd, by: seek.signedOffset, from: whence) {
            return position
        }
        if seek.isFromEnd { throw .cannotSeek }
        // A pipe: skip by reading. A negative count never finishes before the input ends, as in xxd.
        var left = seek.offset < 0 ? Int.max : seek.offset
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { scratch.deallocate() }
        var skipped = StreamDumpSource(fd: fd)
        while left > 0 {
            let count = try skipped.read(
                into: UnsafeMutableRawBufferPointer(rebasing: scratch[..<min(left, scratch.count)]))
            if count == 0 { throw .cannotSeek }
            left -= count
        }
        return seek.offset
    }

    /// A regular file is read through its mapping. Files that report size 0 (empty ones, and
    /// /proc files whose content is generated on read) and files that cannot be mapped are read
    /// with read(2) from the position the seek left, which gives the same bytes.
    private func makeSource(input: Int32, start: Int) -> any DumpSource {
        if let path = arguments.inputPath, let size = DumpSyscalls.regularFileSize(input), size > 0,
            let mapped = try? MappedDumpSource(path: path, start: start)
        {
            return mapped
        }
        return StreamDumpSource(fd: input)
    }

    /// Formats block after block: one read, one format pass over the block, one write.
    private func dump(from source: inout any DumpSource, startingAt start: Int, to output: Int32) throws(DumpFailure) {
        if ParallelLineFormatter.canSplit(arguments.options) {
            try dumpInParallel(from: &source, startingAt: start, to: output)
            return
        }
        var formatter = XXDFormatter(options: arguments.options)
        let input = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.blockSize, alignment: 64)
        defer { input.deallocate() }
        let capacity = max(formatter.outputCapacity(forInputCount: Self.blockSize), formatter.finishCapacity)
        let text = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 64)
        defer { text.deallocate() }

        var offset = start
        var left = arguments.length ?? Int.max
        while left > 0 {
            let wanted = UnsafeMutableRawBufferPointer(rebasing: input[..<min(left, input.count)])
            let count = try source.read(into: wanted)
            if count == 0 { break }
            let written = formatter.format(UnsafeRawBufferPointer(rebasing: input[..<count]), at: offset, into: text)
            try write(UnsafeRawBufferPointer(rebasing: text[..<written]), to: output)
            offset += count
            left -= count
        }
        let written = formatter.finish(into: text)
        try write(UnsafeRawBufferPointer(rebasing: text[..<written]), to: output)
    }

    /// The same loop with each block's lines formatted in two halves at once (see
    /// `ParallelLineFormatter`); blocks hold whole lines so every block starts a line.
    private func dumpInParallel(from source: inout any DumpSource, startingAt start: Int, to output: Int32)
        throws(DumpFailure)
    {
        let blockSize = ParallelLineFormatter.blockSize(near: Self.blockSize, options: arguments.options)
        let formatter = ParallelLineFormatter(options: arguments.options, blockSize: blockSize)
        let input = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 64)
        defer { input.deallocate() }
        var offset = start
        var left = arguments.length ?? Int.max
        if let mapped = source as? MappedDumpSource {
            // Straight from the mapping: both threads copy and format their own half.
            left = min(left, max(mapped.size - start, 0))
            while left > 0 {
                let count = min(left, blockSize)
                let pieces: [UnsafeRawBufferPointer]
                do {
                    pieces = try formatter.formatMapped(mapped.file, count: count, at: offset)
                } catch {
                    throw .input(mapped.path, error)
                }
                try write(pieces: pieces, to: output)
                offset += count
                left -= count
            }
            return
        }
        while left > 0 {
            let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: input[..<min(left, blockSize)]))
            if count == 0 { break }
            let pieces = formatter.format(UnsafeRawBufferPointer(rebasing: input[..<count]), at: offset)
            try write(pieces: pieces, to: output)
            offset += count
            left -= count
        }
    }

    private func write(pieces: [UnsafeRawBufferPointer], to output: Int32) throws(DumpFailure) {
        do {
            try DumpSyscalls.writeAll(output, pieces: pieces)
        } catch {
            throw .output(error.description)
        }
    }

    private func write(_ bytes: UnsafeRawBufferPointer, to output: Int32) throws(DumpFailure) {
        do {
            try DumpSyscalls.writeAll(output, bytes)
        } catch {
            throw .output(error.description)
        }
    }
}
