import Foundation

/// A value shared between threads, reached only under a lock: the package's one lock for shared state (the
/// waits of `OrderedParallelMap` and `OverlappingSink` use `NSCondition`, the same pthread mutex with a condition).
///
/// Why not the standard library's `Synchronization.Mutex`: on Linux its contended path hands the lock over in the
/// kernel (a priority-inheriting futex), which ThreadSanitizer cannot see, so every contended `withLock` is reported
/// as a data race and the sanitizer run of the tests (`.ci/run`) fails on correct code. `NSLock` is a pthread
/// mutex, which ThreadSanitizer understands.
package final class Locked<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `value` is read and written only inside `lock`, in `withLock`.
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) {
        self.value = value
    }

    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
