import Foundation
import Store

/// The queue's order (the ids matching each filter, highest score first) and producer list,
/// kept until the store changes, so that any page is a slice and only its 50 rows are read.
/// Counting 20k flags and grouping them by producer on every page took ~8 ms on the one store
/// connection (~125 pages a second); stepping over 15k index entries for page 300 another
/// 0.5 ms. The store's ``StoreChangeMark`` (two tiny queries) says when to recompute.
final class QueueCache: @unchecked Sendable {
    private let lock = NSLock()
    private var mark: StoreChangeMark?
    private var producers: [FlagProducerSummary]?
    private var orders: [QueueFilter: [Int]] = [:]
    /// Filters whose order is kept per store state (8 bytes a flag each); beyond this they
    /// start over.
    static let maximumFilters = 16

    struct QueueFilter: Hashable {
        var status: FlagStatus?
        var kind: FlagKind?
        var producer: String?
    }

    /// The producer list at `mark`, computed by `compute` when the store changed since.
    func producers(at mark: StoreChangeMark, _ compute: () throws -> [FlagProducerSummary]) rethrows -> [FlagProducerSummary] {
        if let cached = lock.withLock({ self.mark == mark ? producers : nil }) { return cached }
        let fresh = try compute()
        lock.withLock {
            reset(to: mark)
            producers = fresh
        }
        return fresh
    }

    /// The ids matching `filter` in queue order at `mark`, computed by `compute` when not known.
    func order(_ filter: QueueFilter, at mark: StoreChangeMark, _ compute: () throws -> [Int]) rethrows -> [Int] {
        if let cached = lock.withLock({ self.mark == mark ? orders[filter] : nil }) { return cached }
        let fresh = try compute()
        lock.withLock {
            reset(to: mark)
            if orders.count >= Self.maximumFilters { orders.removeAll() }
            orders[filter] = fresh
        }
        return fresh
    }

    /// Forgets everything computed at another mark. Call with the lock held.
    private func reset(to mark: StoreChangeMark) {
        guard self.mark != mark else { return }
        self.mark = mark
        producers = nil
        orders.removeAll()
    }
}
