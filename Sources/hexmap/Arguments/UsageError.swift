/// A command line hexmap cannot run: the message says why, nothing was changed, exit status 2.
struct UsageError: Error, Equatable {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
