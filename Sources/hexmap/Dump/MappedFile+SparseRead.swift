import IOMMap

extension MappedFile {
    /// `read(into:at:)` that never touches the pages of a hole, whatever the size.
    ///
    /// On tmpfs, touching a hole's page allocates it: a dump of a sparse file would fill the
    /// file system, and on a full one fail. IOMMap skips holes in reads of
    /// `holeSkippingReadSize` or more; the dump's last block (and `-l`, `-s` near the end) can be
    /// smaller, so those look for the data here (two lseek(2) calls) and copy only it.
    func readSkippingHoles(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(MapError) {
        guard buffer.count < Self.holeSkippingReadSize else {
            return try read(into: buffer, at: offset)
        }
        let end = offset + buffer.count
        var position = offset
        while position < end {
            let data = try nextData(in: position..<end) ?? end..<end
            UnsafeMutableRawBufferPointer(rebasing: buffer[(position - offset)..<(data.lowerBound - offset)])
                .initializeMemory(as: UInt8.self, repeating: 0)
            if !data.isEmpty {
                try read(
                    into: UnsafeMutableRawBufferPointer(
                        rebasing: buffer[(data.lowerBound - offset)..<(data.upperBound - offset)]),
                    at: data.lowerBound)
            }
            position = data.upperBound
        }
    }
}
