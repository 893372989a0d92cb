/// What `curate demo` made and where, with the commands a user would try next.
public struct DemoSummary: Sendable, Equatable, Codable {
    /// One ingested file.
    public struct Ingested: Sendable, Equatable, Codable {
        public var name: String
        public var kind: String
        public var file: String
        public var read: Int
        public var stored: Int
        public var duplicates: Int
        public var quarantined: Int
    }

    /// One curation run.
    public struct Cleaned: Sendable, Equatable, Codable {
        public var spec: String
        public var runId: Int
        public var input: Int
        public var curated: Int
        public var excluded: Int
    }

    /// One release.
    public struct Released: Sendable, Equatable, Codable {
        public var name: String
        public var version: String
        public var directory: String
        public var records: Int
        public var splits: [String: Int]
    }

    /// The element-balance check on the reaction release.
    public struct Balance: Sendable, Equatable, Codable {
        public var release: String
        public var checked: Int
        public var flagged: Int
        public var byRule: [String: Int]
        /// Flags newly recorded in the store for review (one per flagged reaction, both rules).
        public var flagsRecorded: Int
    }

    /// The demo folder.
    public var folder: String
    /// Whether an earlier demo folder was replaced.
    public var replaced: Bool
    /// The SQLite store.
    public var store: String
    public var ingested: [Ingested]
    public var cleaned: [Cleaned]
    public var releases: [Released]
    public var balance: Balance
    /// The HTML report of the demo's supercon-tc release (`curate report`).
    public var report: String?
    /// Wall time, in seconds.
    public var seconds: Double
    /// Commands to try next, runnable as printed.
    public var nextCommands: [String]
}
