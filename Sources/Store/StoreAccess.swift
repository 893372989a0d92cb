import Foundation

/// How a command opens the store: whether it may create it, and how long a writer waits for
/// another process that holds the write lock.
///
/// The store runs in WAL mode: readers never block the writer and are never blocked by it.
/// Two writers queue: the second waits up to ``busyTimeout`` seconds for the first to commit,
/// saying once (through ``onWait``) that it is waiting, then fails with a message naming the
/// option that raises the limit.
public struct StoreAccess: Sendable {
    /// The default wait for the write lock: 60 s.
    public static let defaultBusyTimeout: TimeInterval = 60
    /// The environment variable that overrides ``defaultBusyTimeout`` (seconds).
    public static let busyTimeoutVariable = "CURATE_BUSY_TIMEOUT"

    /// Seconds a writer waits for another writer before failing.
    public var busyTimeout: TimeInterval
    /// Whether a missing store file (and its folder) is created. When false, opening a path
    /// that does not exist fails and creates nothing: read-only commands use this.
    public var createIfMissing: Bool
    /// Called once per wait, when the write lock has been held by another connection for
    /// ``noticeDelay``, with a sentence to show the user.
    public var onWait: (@Sendable (String) -> Void)?
    /// How long to wait silently before calling ``onWait``.
    public var noticeDelay: TimeInterval

    /// Creates access options.
    public init(busyTimeout: TimeInterval = StoreAccess.defaultBusyTimeout, createIfMissing: Bool = true,
                noticeDelay: TimeInterval = 0.25, onWait: (@Sendable (String) -> Void)? = StoreAccess.printToStandardError) {
        self.busyTimeout = busyTimeout
        self.createIfMissing = createIfMissing
        self.noticeDelay = noticeDelay
        self.onWait = onWait
    }

    /// Creating if missing, the busy timeout from `CURATE_BUSY_TIMEOUT` (seconds) or 60 s,
    /// waiting notices on standard error.
    public static var standard: StoreAccess {
        StoreAccess(busyTimeout: environmentBusyTimeout() ?? defaultBusyTimeout)
    }

    /// Like ``standard`` but never creating a store: for commands that only read.
    public static var existing: StoreAccess {
        var access = standard
        access.createIfMissing = false
        return access
    }

    /// The busy timeout given by `CURATE_BUSY_TIMEOUT`, when it holds a number >= 0.
    public static func environmentBusyTimeout(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> TimeInterval? {
        guard let text = environment[busyTimeoutVariable], let seconds = TimeInterval(text), seconds >= 0, seconds.isFinite else { return nil }
        return seconds
    }

    /// Writes the waiting notice as one line on standard error.
    public static let printToStandardError: @Sendable (String) -> Void = { message in
        FileHandle.standardError.write(Data(("curate: " + message + "\n").utf8))
    }
}

/// SQLite's busy handler for one connection: sleeps between retries, announces a long wait
/// once, and gives up after the timeout.
final class BusyWaiter: @unchecked Sendable {
    private let lock = NSLock()
    private var waitStarted: Date?
    private var announced = false
    private let access: StoreAccess
    private let path: String

    init(access: StoreAccess, path: String) {
        self.access = access
        self.path = path
    }

    /// Returns whether SQLite should retry; `tries` restarts at 0 for every new lock conflict.
    func shouldRetry(tries: Int) -> Bool {
        let now = Date()
        let (elapsed, announce): (TimeInterval, Bool) = lock.withLock {
            if tries == 0 || waitStarted == nil {
                waitStarted = now
                announced = false
            }
            let elapsed = now.timeIntervalSince(waitStarted ?? now)
            let announce = !announced && elapsed >= access.noticeDelay
            if announce { announced = true }
            return (elapsed, announce)
        }
        if elapsed >= access.busyTimeout { return false }
        if announce, let onWait = access.onWait {
            onWait("store \(path) is locked by another writer; waiting up to \(Self.format(access.busyTimeout)) s for it to finish "
                   + "(--busy-timeout / \(StoreAccess.busyTimeoutVariable))")
        }
        // 1 ms, growing to 50 ms: quick for short conflicts, cheap for long ones.
        let sleep = min(0.05, 0.001 * Double(1 << min(tries, 6)))
        Thread.sleep(forTimeInterval: min(sleep, max(0, access.busyTimeout - elapsed)))
        return true
    }

    private static func format(_ seconds: TimeInterval) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
