import Foundation
import Learning

/// Runs independent ensemble members on several threads, keeping results in member order.
///
/// Each member is trained from its own seed, so the trained weights do not depend on how many
/// members run at once, only on OpenBLAS's thread count inside each product (the tests check that
/// parallel training equals sequential training with single-threaded OpenBLAS).
enum ParallelMembers {
    /// Calls `work(k)` for k in 0..<count on `workers` threads (member k on worker k mod workers),
    /// with OpenBLAS limited to one thread per worker. The first error thrown (by member order) is
    /// rethrown after every worker has finished.
    static func run<T: Sendable>(
        count: Int, workers: Int, _ work: @Sendable (Int) throws(ModelsError) -> T
    ) throws(ModelsError) -> [T] {
        let box = ResultBox<T>(count: count)
        let workers = max(1, min(workers, count))
        BLASThreading.withThreads(workers > 1 ? 1 : BLASThreading.count) {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for k in stride(from: worker, to: count, by: workers) {
                    do throws(ModelsError) {
                        box.set(k, .success(try work(k)))
                    } catch {
                        box.set(k, .failure(error))
                    }
                }
            }
        }
        return try box.values()
    }
}

/// Lock-protected per-member results.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<T, ModelsError>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<T, ModelsError>) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    func values() throws(ModelsError) -> [T] {
        lock.lock()
        defer { lock.unlock() }
        var values: [T] = []
        for result in results {
            switch result {
            case .success(let value): values.append(value)
            case .failure(let error): throw error
            case nil: throw .invalidOptions("an ensemble member did not finish")
            }
        }
        return values
    }
}

/// A callback that several training threads may call: calls are serialised by a lock, so the
/// callback itself never runs concurrently with itself.
final class SerialCallback<Arguments>: @unchecked Sendable {
    private let lock = NSLock()
    private let body: (Arguments) -> Void

    init(_ body: @escaping (Arguments) -> Void) { self.body = body }

    func callAsFunction(_ arguments: Arguments) {
        lock.lock()
        defer { lock.unlock() }
        body(arguments)
    }
}
