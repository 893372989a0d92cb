/// How long a pull waits (seconds) and how many redirects it follows.
public struct PullTimeouts: Sendable, Equatable, Codable {
    /// To connect.
    public var connect: Double
    /// With no byte arriving before the transfer counts as stalled.
    public var stall: Double
    /// For the whole transfer; `nil`: no limit (large files on slow links).
    public var total: Double?
    /// Redirects followed before giving up.
    public var maxRedirects: Int

    /// 30 s to connect, 60 s of silence, no total limit, 10 redirects.
    public init(connect: Double = 30, stall: Double = 60, total: Double? = nil, maxRedirects: Int = 10) {
        self.connect = connect
        self.stall = stall
        self.total = total
        self.maxRedirects = maxRedirects
    }
}
