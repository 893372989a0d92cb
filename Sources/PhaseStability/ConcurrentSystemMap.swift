import Foundation

/// Runs independent per-system work on several threads and returns the results in input order.
///
/// Work items are dealt round-robin to `workers` threads (`DispatchQueue.concurrentPerform`);
/// each result lands in its own slot, so the output never depends on scheduling. The first
/// error (by item index) is rethrown.
enum ConcurrentSystemMap {
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], workers: Int, _ transform: @Sendable (Item) throws(HullError) -> Result
    ) throws(HullError) -> [Result] {
        let count = items.count
        let threads = max(1, min(workers, count))
        if threads == 1 {
            var results: [Result] = []
            results.reserveCapacity(count)
            for item in items { results.append(try transform(item)) }
            return results
        }
        let collector = Collector<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            var local: [(Int, Swift.Result<Result, HullError>)] = []
            for index in stride(from: worker, to: count, by: threads) {
                do throws(HullError) {
                    local.append((index, .success(try transform(items[index]))))
                } catch {
                    local.append((index, .failure(error)))
                }
            }
            collector.store(local)
        }
        return try collector.results()
    }

    /// Thread-safe result slots.
    private final class Collector<Result: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Swift.Result<Result, HullError>?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func store(_ items: [(Int, Swift.Result<Result, HullError>)]) {
            lock.lock()
            defer { lock.unlock() }
            for (index, result) in items { slots[index] = result }
        }

        func results() throws(HullError) -> [Result] {
            lock.lock()
            defer { lock.unlock() }
            var output: [Result] = []
            output.reserveCapacity(slots.count)
            for slot in slots {
                switch slot {
                case .success(let value): output.append(value)
                case .failure(let error): throw error
                case nil: throw .solverFailed(id: "internal: missing system result")
                }
            }
            return output
        }
    }
}
