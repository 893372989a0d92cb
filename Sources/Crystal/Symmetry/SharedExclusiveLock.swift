import Foundation

/// A readers–writer lock: any number of `shared` sections run together, an `exclusive` section
/// runs alone. Waiting exclusive sections go first, so a failing spglib call (re-run exclusively
/// to read spglib's global error code) is not starved by a stream of successful ones.
final class SharedExclusiveLock: @unchecked Sendable {
    private let condition = NSCondition()
    private var readers = 0
    private var writing = false
    private var writersWaiting = 0

    /// Runs `body` alongside other shared sections, never alongside an exclusive one.
    func shared<T>(_ body: () throws -> T) rethrows -> T {
        condition.lock()
        while writing || writersWaiting > 0 { condition.wait() }
        readers += 1
        condition.unlock()
        defer {
            condition.lock()
            readers -= 1
            if readers == 0 { condition.broadcast() }
            condition.unlock()
        }
        return try body()
    }

    /// Runs `body` alone.
    func exclusive<T>(_ body: () throws -> T) rethrows -> T {
        condition.lock()
        writersWaiting += 1
        while writing || readers > 0 { condition.wait() }
        writersWaiting -= 1
        writing = true
        condition.unlock()
        defer {
            condition.lock()
            writing = false
            condition.broadcast()
            condition.unlock()
        }
        return try body()
    }
}
