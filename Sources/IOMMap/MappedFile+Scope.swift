import CIOMMap

/// Guarded scopes: the mapped bytes at raw memory speed, with the SIGBUS guard armed.
///
/// Inside the closure the pointer is plain mapped memory: loads and stores cost what they
/// cost on any `mmap`. The guard stays armed for the whole closure, so if another process
/// truncates the file and the closure touches a lost page, the handler patches a zero page
/// over it and the closure runs on (reading zeros there); when it returns, the scope maps the
/// file again over the patched pages and throws `.busError` (or, for a hole the file system
/// had no block for, `.system(operation: "page fault", errno: .noSpace)`), whatever the
/// closure returned. So a result computed from patched zeros is never handed back.
///
/// The rule: **the pointer must not escape the closure.** Outside it the guard is not
/// armed, and a fault there is a crash, as with any mapped memory.
extension MappedFile {
    /// Calls `body` with all `size()` mapped bytes, for reads at raw memory speed.
    ///
    /// The scope holds the mapping: a `resize` or `close` on another thread cannot unmap it
    /// while `body` runs (after a shrink, the cut pages fault and the scope throws). Bytes
    /// that other threads write through the handle meanwhile may be seen half-written, as
    /// through a `MappedRegion`; `read(into:at:)` is the path that never sees that.
    /// Scopes nest, also over different handles.
    ///
    /// - Throws: ``MapError/closed``, ``MapError/accessDenied`` (a `.write` handle),
    ///   ``MapError/busError`` if `body` touched a page another process cut, or what `body` threw.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws(MapError) -> Result)
        throws(MapError) -> Result
    {
        let (mapping, size) = try withOpenState(writing: false) { (state) throws(MapError) in
            if iommap_poison_test(poison) != 0 {  // patched pages are mapped again before any use
                beginChange()
                repairAfterFault(&state)
                endChange()
            }
            return (state.mapping, state.size)
        }
        let outcome = withExtendedLifetime(mapping) {
            guarded(UnsafeRawPointer(mapping.base), size) { () throws(MapError) in
                try body(UnsafeRawBufferPointer(start: mapping.base, count: size))
            }
        }
        if outcome.faulted {
            throw recoverFromFault(at: outcome.address)
        }
        return try outcome.result.get()
    }

    /// Calls `body` with all `size()` mapped bytes to read and change in place at raw memory
    /// speed (`.readWrite` handles only; `.accessDenied` otherwise).
    ///
    /// The scope is one change, as a `write` is: it holds the handle's lock, and lock-free
    /// readers wait for it to end (they spin, then yield, then wait on the lock), so none
    /// sees half of what `body` wrote. Hence `body` must not call this handle: use the
    /// pointer. A fault inside is reported as by `withUnsafeBytes(_:)`.
    ///
    /// - Throws: ``MapError/closed``, ``MapError/accessDenied`` (not `.readWrite`),
    ///   ``MapError/busError`` if `body` touched a page another process cut, or what `body` threw.
    public func withUnsafeMutableBytes<Result>(_ body: (UnsafeMutableRawBufferPointer) throws(MapError) -> Result)
        throws(MapError) -> Result
    {
        try withOpenState(writing: true) { (state) throws(MapError) -> Result in
            guard mode == .readWrite else { throw .accessDenied }
            beginChange()
            repairAfterFault(&state)
            let mapping = state.mapping
            let outcome = guarded(UnsafeRawPointer(mapping.base), state.size) { () throws(MapError) in
                try body(UnsafeMutableRawBufferPointer(start: mapping.base, count: state.size))
            }
            if outcome.faulted {
                // Repair inside the change: a reader that copied patched zeros must see the count move.
                repairAfterFault(&state)
                endChange()
                throw faultError(at: outcome.address, state)
            }
            endChange()
            return try outcome.result.get()
        }
    }

    /// Runs `body` with this thread's guard covering `count` bytes at `base`.
    private func guarded<Result>(_ base: UnsafeRawPointer, _ count: Int, _ body: () throws(MapError) -> Result)
        -> (result: Swift.Result<Result, MapError>, faulted: Bool, address: UnsafeRawPointer?)
    {
        // The record must stay at one address while the handler may read it.
        withUnsafeTemporaryAllocation(of: iommap_guard_record.self, capacity: 1) { record in
            let record = record.baseAddress!
            record.initialize(to: iommap_guard_record())
            _ = iommap_take_fault_address()
            iommap_scope_begin(record, guardRange(base, count))
            let result = Swift.Result<Result, MapError> { () throws(MapError) in try body() }
            let faulted = iommap_scope_end(record) != 0
            let address = faulted ? iommap_take_fault_address() : nil
            record.deinitialize(count: 1)
            return (result, faulted, address)
        }
    }
}
