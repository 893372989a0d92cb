import Foundation

/// Runs independent work items on several threads and hands their results back in item order:
/// a bounded work queue (at most `window` results computed ahead of the consumer, so memory
/// stays flat however many items there are) with ordered output, identical to running the items
/// one after another.
public enum OrderedParallelMap {
    /// The number of cores available to the process: the default for `--jobs`.
    public static var activeCores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Computes `produce(i)` for every `i` in `0..<count` on `jobs` threads and calls
    /// `consume(i, result)` on the calling thread in increasing `i`. When `consume` throws, the
    /// workers stop after their current item and the error is rethrown. `jobs <= 1` runs
    /// everything on the calling thread.
    public static func run<T: Sendable, E: Error>(count: Int, jobs: Int, window: Int? = nil,
                                                 produce: @escaping @Sendable (Int) -> T,
                                                 consume: (Int, T) throws(E) -> Void) throws(E) {
        let threads = min(jobs, count)
        guard threads > 1 else {
            for index in 0..<count { try consume(index, produce(index)) }
            return
        }
        let queue = Queue<T>(count: count, window: max(window ?? threads * 4, threads), workers: threads)
        for _ in 0..<threads {
            let thread = Thread { queue.work(produce) }
            thread.stackSize = 8 << 20
            thread.start()
        }
        defer { queue.finish() }
        for index in 0..<count {
            try consume(index, queue.take(index))
        }
    }

    /// The shared state: next item to claim, finished results waiting for the consumer.
    private final class Queue<T: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private let count: Int
        private let window: Int
        private var next = 0
        private var consumed = 0
        private var done: [Int: T] = [:]
        private var stopped = false
        private var running = 0

        init(count: Int, window: Int, workers: Int) {
            self.count = count
            self.window = window
            self.running = workers
        }

        /// A worker: claims items in order while the window allows, until none are left.
        func work(_ produce: (Int) -> T) {
            condition.lock()
            while true {
                while !stopped && next < count && next >= consumed + window { condition.wait() }
                guard !stopped, next < count else { break }
                let index = next
                next += 1
                condition.unlock()
                let result = produce(index)
                condition.lock()
                done[index] = result
                condition.broadcast()
            }
            running -= 1
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for item `index`'s result and removes it.
        func take(_ index: Int) -> T {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let result = done.removeValue(forKey: index) {
                    consumed = index + 1
                    condition.broadcast()
                    return result
                }
                condition.wait()
            }
        }

        /// Stops the workers and waits until every one has returned.
        func finish() {
            condition.lock()
            stopped = true
            condition.broadcast()
            while running > 0 { condition.wait() }
            condition.unlock()
        }
    }
}
