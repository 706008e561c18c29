import Foundation
import IOMMap
import Testing

/// `count` bytes of a repeating, position-dependent pattern.
func pattern(_ count: Int, seed: UInt8 = 0) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed)) }
}

/// Runs `body(index)` on `count` OS threads at once and waits for all of them.
/// Swift's task pool is only as wide as the cores, so tasks alone would not race.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    group.wait()
}

/// The `MapError` a throwing call produced, or nil if it succeeded.
func mapError(_ body: () throws -> Void) -> MapError? {
    do {
        try body()
        return nil
    } catch let error as MapError {
        return error
    } catch {
        Issue.record("expected a MapError, got \(error)")
        return nil
    }
}

/// Whether a sanitizer runtime is linked in: they intercept mlock and inflate
/// anonymous memory, so memory figures mean nothing under them.
let runningUnderSanitizer: Bool = dlsym(nil, "__tsan_init") != nil || dlsym(nil, "__asan_init") != nil
