import Foundation
import Store

/// The queue's counts (matching flags per filter, the producer list), kept until the store
/// changes. Counting 20k flags and grouping them by producer took ~8 ms a page on the one
/// store connection, which capped the queue at ~125 pages a second; the store's
/// ``StoreChangeMark`` (two tiny queries) says when the counts must be recomputed.
final class QueueCountCache: @unchecked Sendable {
    private let lock = NSLock()
    private var mark: StoreChangeMark?
    private var producers: [FlagProducerSummary]?
    private var totals: [QueueFilter: Int] = [:]
    /// Filters remembered per store state; beyond this the counts start over.
    static let maximumFilters = 1024

    struct QueueFilter: Hashable {
        var status: FlagStatus?
        var kind: FlagKind?
        var producer: String?
    }

    /// The producer list at `mark`, computed by `compute` when the store changed since.
    func producers(at mark: StoreChangeMark, _ compute: () throws -> [FlagProducerSummary]) rethrows -> [FlagProducerSummary] {
        if let cached = lock.withLock({ current(mark) ? producers : nil }) { return cached }
        let fresh = try compute()
        lock.withLock {
            reset(to: mark)
            producers = fresh
        }
        return fresh
    }

    /// The number of flags matching `filter` at `mark`, computed by `compute` when not known.
    func total(_ filter: QueueFilter, at mark: StoreChangeMark, _ compute: () throws -> Int) rethrows -> Int {
        if let cached = lock.withLock({ current(mark) ? totals[filter] : nil }) { return cached }
        let fresh = try compute()
        lock.withLock {
            reset(to: mark)
            if totals.count >= Self.maximumFilters { totals.removeAll() }
            totals[filter] = fresh
        }
        return fresh
    }

    /// Call with the lock held.
    private func current(_ mark: StoreChangeMark) -> Bool { self.mark == mark }

    /// Forgets everything computed at another mark. Call with the lock held.
    private func reset(to mark: StoreChangeMark) {
        guard self.mark != mark else { return }
        self.mark = mark
        producers = nil
        totals.removeAll()
    }
}
