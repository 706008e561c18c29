import CIOMMap

extension MappedFile {
    /// Writes `bytes` at `offset` (pwrite). Never grows the file: the range must lie inside the mapped size.
    ///
    /// The write is one change under the handle's lock: a copying read through this handle
    /// that overlaps it sees all of it or none of it. On a shared mapping it reaches the
    /// file's page cache at once; ``sync(_:)`` makes it durable.
    ///
    /// - Throws: ``MapError/closed``, ``MapError/accessDenied`` (a `.read` handle),
    ///   ``MapError/outOfBounds(offset:count:size:)``, ``MapError/busError`` when another
    ///   process shrank the file below the range, or `.system(operation: "page fault", errno:
    ///   .noSpace)` when a page of a hole found no free block.
    public func write(_ bytes: [UInt8], at offset: Int) throws(MapError) {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(MapError) in try write(from: buffer, at: offset) }
        }
        try result.get()
    }

    /// Writes the bytes of `buffer` at `offset`: the allocation-free write.
    ///
    /// - Throws: The errors of ``write(_:at:)``.
    public func write(from buffer: UnsafeRawBufferPointer, at offset: Int) throws(MapError) {
        try withOpenState(writing: true) { (state) throws(MapError) in
            guard rangeFits(offset: offset, count: buffer.count, size: state.size) else {
                throw .outOfBounds(offset: offset, count: buffer.count, size: state.size)
            }
            guard let source = buffer.baseAddress, buffer.count > 0 else { return }
            let destination = state.mapping.base + offset
            try changingBytes(&state) {
                iommap_guarded_move(destination, source, buffer.count, guardRange(destination, buffer.count))
            }
        }
    }

    /// Sets `count` bytes at `offset` to `byte` (memset).
    ///
    /// - Throws: The errors of ``write(_:at:)``.
    public func fill(_ byte: UInt8, at offset: Int, count: Int) throws(MapError) {
        try withOpenState(writing: true) { (state) throws(MapError) in
            guard rangeFits(offset: offset, count: count, size: state.size) else {
                throw .outOfBounds(offset: offset, count: count, size: state.size)
            }
            guard count > 0 else { return }
            let destination = state.mapping.base + offset
            try changingBytes(&state) {
                iommap_guarded_fill(destination, byte, count, guardRange(destination, count))
            }
        }
    }

    /// Moves `count` bytes from `source` to `destination` inside the mapping (memmove; the ranges may overlap).
    ///
    /// - Throws: The errors of ``write(_:at:)``; both ranges are bounds-checked.
    public func move(from source: Int, to destination: Int, count: Int) throws(MapError) {
        try withOpenState(writing: true) { (state) throws(MapError) in
            for offset in [source, destination]
            where !rangeFits(offset: offset, count: count, size: state.size) {
                throw .outOfBounds(offset: offset, count: count, size: state.size)
            }
            guard count > 0, source != destination else { return }
            let base = state.mapping.base
            let low = min(source, destination)
            let span = max(source, destination) - low + count
            try changingBytes(&state) {
                iommap_guarded_move(base + destination, base + source, count, guardRange(base + low, span))
            }
        }
    }

    /// Runs a guarded change of mapped bytes as one seqlock write; a fault becomes an error (see `faultError`).
    func changingBytes(_ state: inout State, _ change: () -> CInt) throws(MapError) {
        beginChange()
        let faulted = change()
        if faulted != 0 {
            // Repair inside the change: a reader that copied patched zeros must see the count move.
            let address = iommap_take_fault_address()
            repairAfterFault(&state)
            endChange()
            throw faultError(at: address, state)
        }
        endChange()
    }
}
