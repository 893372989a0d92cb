/// One report of how far a long library call has got: stage `index` (from 0) of `count`, what
/// it does, and, when known, how much of the stage is done (`done` of `total`) or the file the
/// stage reads from start to end (a caller may watch its read position). Libraries only call a
/// ``WorkProgress`` closure; drawing a bar is the command line's business.
public struct WorkStage: Sendable, Equatable {
    public var index: Int
    public var count: Int
    public var label: String
    public var done: Int?
    public var total: Int?
    public var file: String?

    public init(index: Int, count: Int, label: String, done: Int? = nil, total: Int? = nil, file: String? = nil) {
        self.index = index
        self.count = count
        self.label = label
        self.done = done
        self.total = total
        self.file = file
    }

    /// The share of the whole call done when this stage starts, or as far as `done` says.
    public var share: Double {
        guard count > 0 else { return 0 }
        let within = (done != nil && (total ?? 0) > 0) ? min(Double(done ?? 0) / Double(total ?? 1), 1) : 0
        return min((Double(index) + within) / Double(count), 1)
    }
}

/// Where a long library call reports its stages (called on the calling thread or a worker).
public typealias WorkProgress = @Sendable (WorkStage) -> Void
