import HexDump

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `hexmap dump -r`: reads a dump and writes its bytes.
///
/// Into an existing regular file the dump is a patch (xxd's behaviour: never truncated, grown when
/// the dump reaches past the end). The whole dump is parsed before the file is touched, then the
/// patch is applied all or nothing (`FilePatch`), so a dump that fails part-way, or a disk that
/// fills, leaves the file exactly as it was. A new file, standard output and other streams get the
/// bytes as they are decoded, as xxd writes them (a new file appears under its name only once
/// complete, see `DumpOutput`).
struct DumpReverseRun {
    let arguments: XXDArguments
    let input: Int32
    let output: DumpOutput

    func run() throws(DumpFailure) {
        var parser = XXDReverseParser(
            columns: arguments.options.resolvedColumns,
            isPlain: arguments.options.style == .plain,
            baseOffset: arguments.seek?.signedOffset ?? 0)
        if let path = output.path, output.isExistingFile, DumpSyscalls.isRegularFile(output.fd) {
            var patches = XXDPatchSet()
            try parse(with: &parser, into: &patches)
            try FilePatch(patches: patches, path: path).apply()
        } else {
            var sink = DescriptorSink(fd: output.fd)
            try parse(with: &parser, into: &sink)
        }
    }

    private func parse(with parser: inout XXDReverseParser, into sink: inout some XXDReverseSink) throws(DumpFailure) {
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: DumpRun.blockSize, alignment: 64)
        defer { block.deallocate() }
        var source = StreamDumpSource(fd: input)
        do {
            while true {
                let count = try source.read(into: block)
                if count == 0 { break }
                try parser.parse(UnsafeRawBufferPointer(rebasing: block[..<count]), into: &sink)
            }
            try parser.finish(into: &sink)
        } catch let error as XXDReverseError {
            switch error {
            case .cannotSeekBackwards, .offsetTooLarge: throw .reverse(error.description)
            case .outputFailed: throw .output(error.description)
            }
        } catch let error as DumpFailure {
            throw error
        } catch {
            throw .input("\(error)")
        }
    }
}

/// Standard output or any descriptor that is not a regular output file. Where it can seek (a file
/// behind `>`, /dev/null) bytes go to their positions as xxd's fseek puts them; a pipe or terminal
/// only moves forward and the parser feeds it zeros for gaps.
struct DescriptorSink: XXDReverseSink {
    let fd: Int32
    /// The descriptor's position when the dump started: xxd's offsets count from there.
    let origin: Int?

    init(fd: Int32) {
        self.fd = fd
        origin = DumpSyscalls.seek(fd, by: 0, from: SEEK_CUR)
    }

    var isSeekable: Bool { origin != nil }

    mutating func write(_ bytes: UnsafeRawBufferPointer, at position: Int) throws(XXDReverseError) {
        do {
            if let origin {
                try DumpSyscalls.writeAll(fd, bytes, at: origin + position)
            } else {
                try DumpSyscalls.writeAll(fd, bytes)
            }
        } catch {
            throw .outputFailed(error.description)
        }
    }
}
