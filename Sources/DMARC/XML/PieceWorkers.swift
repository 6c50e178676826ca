import Foundation

/// Threads that parse the pieces of one split document (`PieceParser`), each piece once, in the order submitted.
/// The feeding thread takes each outcome back (`outcome(of:waiting:)`) in document order; outcomes are values,
/// so no handler ever runs on a worker. Closing lets the threads end once the piece they parse is done; pieces not
/// taken are dropped.
final class PieceWorkers: @unchecked Sendable {
    // Shared between the feeding thread and the workers: `queue`, `isClosed` and every job's `outcome`, each read
    // and written only with `condition` locked. That is what makes the `@unchecked Sendable` here and on `Job` safe.
    private let condition = NSCondition()
    /// Pieces not taken by a worker yet (a few).
    private var queue: [Job] = []
    private var isClosed = false
    private let parser: PieceParser

    /// One piece: its bytes (kept for the main parser, should it not parse clean) and, once parsed, its outcome.
    final class Job: @unchecked Sendable {
        let bytes: [UInt8]
        fileprivate var outcome: PieceOutcome?

        fileprivate init(bytes: [UInt8]) {
            self.bytes = bytes
        }
    }

    init(count: Int, parser: PieceParser) {
        self.parser = parser
        for _ in 0..<count {
            Thread.detachNewThread { [self] in work() }
        }
    }

    /// Queues a piece for the next free worker.
    func submit(_ bytes: [UInt8]) -> Job {
        let job = Job(bytes: bytes)
        condition.lock()
        queue.append(job)
        condition.broadcast()
        condition.unlock()
        return job
    }

    /// The outcome of `job`, waiting for it if `waiting`; nil if it is not parsed yet and not `waiting`.
    func outcome(of job: Job, waiting: Bool) -> PieceOutcome? {
        condition.lock()
        defer { condition.unlock() }
        while waiting && job.outcome == nil {
            condition.wait()
        }
        return job.outcome
    }

    /// No more pieces: the workers end after the piece each is parsing.
    func close() {
        condition.lock()
        isClosed = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while let job = next() {
            let outcome = parser.parse(job.bytes)
            condition.lock()
            job.outcome = outcome
            condition.broadcast()
            condition.unlock()
        }
    }

    private func next() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !isClosed {
            condition.wait()
        }
        guard !isClosed else { return nil }
        return queue.removeFirst()
    }
}
