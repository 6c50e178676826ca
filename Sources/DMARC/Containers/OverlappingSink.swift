import Foundation

/// Hands each chunk to `downstream` on a thread of its own, so that decompression (on the writer's thread) and
/// parsing run at once. At most a few chunks wait in between. A failure downstream is thrown to the writer at its
/// next write or at `finish`, and only once the downstream thread has stopped, so that the handler is never called
/// from two threads at a time.
final class OverlappingSink: ByteSink, @unchecked Sendable {
    private let downstream: any ByteSink
    private let condition = NSCondition()
    private var waiting: [[UInt8]] = []
    private var isComplete = false
    private var isCancelled = false
    private var downstreamStopped = false
    private var failure: DMARCError?
    private static let maxWaiting = 4

    init(downstream: any ByteSink) {
        self.downstream = downstream
        Thread.detachNewThread { [self] in drain() }
    }

    func write(_ chunk: UnsafeRawBufferPointer) throws(DMARCError) {
        let copy = [UInt8](chunk)
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= Self.maxWaiting && !downstreamStopped {
            condition.wait()
        }
        if downstreamStopped {
            throw failure ?? DMARCError(.unreadable("the parser stopped early"), at: ReportOrigin(file: ""))
        }
        waiting.append(copy)
        condition.broadcast()
    }

    func finish() throws(DMARCError) {
        condition.lock()
        defer { condition.unlock() }
        isComplete = true
        condition.broadcast()
        while !downstreamStopped {
            condition.wait()
        }
        if let failure { throw failure }
    }

    /// The writer failed: the downstream thread stops without finishing, and this returns once it has.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        isCancelled = true
        condition.broadcast()
        while !downstreamStopped {
            condition.wait()
        }
    }

    /// The downstream thread: writes chunks as they come, then finishes (unless cancelled).
    private func drain() {
        var outcome: DMARCError?
        while true {
            condition.lock()
            while waiting.isEmpty && !isComplete && !isCancelled {
                condition.wait()
            }
            let cancelled = isCancelled
            let next = waiting.isEmpty ? nil : waiting.removeFirst()
            condition.broadcast()
            condition.unlock()
            if cancelled { break }
            do throws(DMARCError) {
                guard let next else {
                    try downstream.finish()
                    break
                }
                try downstream.write(contentsOf: next)
            } catch {
                outcome = error
                break
            }
        }
        condition.lock()
        failure = outcome
        downstreamStopped = true
        condition.broadcast()
        condition.unlock()
    }
}
