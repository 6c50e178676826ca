import Foundation

/// Runs `transform(index, worker)` on indices `0..<count` on `jobs` threads (`worker` numbers the thread, from 0),
/// and hands the results to `consume` in index order on the calling thread. Workers never run more than a small
/// window ahead of the consumer (`window` items, 8 per worker unless given), so memory stays bounded however many
/// items there are. Returns when every transform has finished.
func orderedParallelMap<Result: Sendable>(
    count: Int, jobs: Int, window: Int? = nil, transform: @escaping @Sendable (Int, Int) -> Result,
    consume: (Int, Result) -> Void
) {
    guard count > 0 else { return }
    let workers = max(1, min(jobs, count))
    let state = OrderedResults<Result>(window: max(workers, window ?? workers * 8))
    for worker in 0..<workers {
        Thread.detachNewThread {
            while let index = state.nextIndex(below: count) {
                state.store(transform(index, worker), at: index)
            }
        }
    }
    for index in 0..<count {
        consume(index, state.take(index))
    }
}

/// The results waiting for the consumer, under one lock.
private final class OrderedResults<Result: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var results: [Int: Result] = [:]
    private var handedOut = 0
    private var consumed = 0
    private let window: Int

    init(window: Int) {
        self.window = window
    }

    /// The next index to work on, waiting while the workers are a window ahead; nil when all are handed out.
    func nextIndex(below count: Int) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while handedOut < count && handedOut - consumed >= window {
            condition.wait()
        }
        guard handedOut < count else { return nil }
        handedOut += 1
        return handedOut - 1
    }

    func store(_ result: Result, at index: Int) {
        condition.lock()
        results[index] = result
        condition.broadcast()
        condition.unlock()
    }

    func take(_ index: Int) -> Result {
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil {
            condition.wait()
        }
        consumed = index + 1
        condition.broadcast()
        return results.removeValue(forKey: index)!
    }
}
