#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension MappedFile {
    /// Flushes the whole mapping to the file (msync). A successful no-op on private or read-only mappings.
    ///
    /// - Parameter mode: `.sync` (the default) waits for the writes; `.async` only starts them.
    /// - Throws: ``MapError/closed``, or ``MapError/system(operation:errno:)`` (`msync`).
    public func sync(_ mode: SyncMode = .sync) throws(MapError) {
        try withOpenState(writing: false, allowWriteOnly: true) { (state) throws(MapError) in
            try flush(offset: 0, count: state.size, mode, state)
        }
    }

    /// Flushes `count` bytes at `offset`; the range is bounds-checked, then widened to whole pages.
    ///
    /// - Throws: ``MapError/closed``, ``MapError/outOfBounds(offset:count:size:)``, or
    ///   ``MapError/system(operation:errno:)`` (`msync`).
    public func sync(offset: Int, count: Int, _ mode: SyncMode = .sync) throws(MapError) {
        try withOpenState(writing: false, allowWriteOnly: true) { (state) throws(MapError) in
            guard rangeFits(offset: offset, count: count, size: state.size) else {
                throw .outOfBounds(offset: offset, count: count, size: state.size)
            }
            try flush(offset: offset, count: count, mode, state)
        }
    }

    /// Tells the kernel how the range will be used (madvise). `count` 0 means
    /// "to the end of the mapping". The range is bounds-checked like a read and
    /// widened to whole pages. `.dontNeed` is refused on a writable private
    /// mapping, where it would silently throw away the private changes.
    ///
    /// - Throws: ``MapError/closed``, ``MapError/outOfBounds(offset:count:size:)``,
    ///   ``MapError/invalidArgument(_:)`` (`.dontNeed` on a writable private mapping), or
    ///   ``MapError/system(operation:errno:)`` (`madvise`).
    public func advise(_ advice: Advice, offset: Int, count: Int) throws(MapError) {
        try withOpenState(writing: false, allowWriteOnly: true) { (state) throws(MapError) in
            guard rangeFits(offset: offset, count: count, size: state.size) else {
                throw .outOfBounds(offset: offset, count: count, size: state.size)
            }
            if advice == .dontNeed && sharing == .private && self.mode.allowsWriting {
                throw .invalidArgument("dontNeed would discard the changes of a private mapping")
            }
            let length = count == 0 ? state.size - offset : count
            guard length > 0 else { return }
            let start = pageFloor(offset)
            let end = pageCeiling(offset + length)
            try systemAdvise(state.mapping.base + start, end - start, advice.systemValue)
                .get(orThrow: "madvise")
        }
    }

    /// Advises the whole mapping: ``advise(_:offset:count:)`` from 0 to the end.
    public func advise(_ advice: Advice) throws(MapError) {
        try advise(advice, offset: 0, count: 0)
    }

    private func flush(offset: Int, count: Int, _ mode: SyncMode, _ state: State) throws(MapError) {
        guard sharing == .shared, self.mode.allowsWriting, count > 0 else { return }
        let start = pageFloor(offset)
        let end = pageCeiling(offset + count)
        try systemSync(state.mapping.base + start, end - start, mode == .sync ? MS_SYNC : MS_ASYNC)
            .get(orThrow: "msync")
    }
}

extension Advice {
    var systemValue: CInt {
        switch self {
        case .normal: return MADV_NORMAL
        case .random: return MADV_RANDOM
        case .sequential: return MADV_SEQUENTIAL
        case .willNeed: return MADV_WILLNEED
        case .dontNeed: return MADV_DONTNEED
        }
    }
}
