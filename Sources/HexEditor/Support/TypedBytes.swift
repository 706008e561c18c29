/// `withUnsafeMutableBytes` / `withUnsafeBytes` for bodies that throw a typed error: the
/// standard library's versions rethrow untyped errors, which typed-throws code cannot pass on.
extension Array where Element == UInt8 {
    mutating func withMutableBytes<Result, Failure: Error>(
        _ body: (UnsafeMutableRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        var outcome: Swift.Result<Result, Failure>?
        withUnsafeMutableBytes { buffer in
            outcome = Swift.Result { () throws(Failure) -> Result in try body(buffer) }
        }
        return try outcome!.get()
    }

    func withBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        var outcome: Swift.Result<Result, Failure>?
        withUnsafeBytes { buffer in
            outcome = Swift.Result { () throws(Failure) -> Result in try body(buffer) }
        }
        return try outcome!.get()
    }
}
