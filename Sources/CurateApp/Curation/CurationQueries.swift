import Store

/// What a curation run did: its exclusion ledger (`curate ledger`), its dedup clusters
/// (`curate clusters`) and, for one material, both (`curate why`).
public enum CurationQueries {
    /// The records run `runId` (default: the latest) excluded, optionally only by `rule`.
    public static func ledger(storePath: String, runId: Int? = nil, rule: String? = nil) throws -> [ExclusionEntry] {
        let store = try StoreOpening.open(storePath)
        return try step(storePath) { try store.exclusions(runId: runId, rule: rule) }
    }

    /// Dedup clusters of run `runId` (default: the latest) with at least `minSize` members.
    public static func clusters(storePath: String, runId: Int? = nil, minSize: Int = 2, flaggedOnly: Bool = false) throws -> [ClusterEntry] {
        let store = try StoreOpening.open(storePath)
        return try step(storePath) { try store.clusters(runId: runId, minSize: minSize, flaggedOnly: flaggedOnly) }
    }

    /// `curate why`: what a run did with every record of one material.
    public struct Explanation: Sendable, Equatable, Codable {
        public var canonicalKey: String
        /// The run explained; nil when the store has no curation run.
        public var runId: Int?
        /// Its spec name (not in the JSON output).
        public var specName: String?
        /// Observations of the material in the store.
        public var observations: Int
        /// The cluster the material's kept records formed, if any.
        public var cluster: ClusterEntry?
        public var exclusions: [ExclusionEntry]
        /// Observation ids neither kept nor excluded by the run (another property or source).
        public var notInRun: [Int]

        enum CodingKeys: String, CodingKey { case canonicalKey, runId, observations, cluster, exclusions, notInRun }
    }

    /// Explains what run `runId` (default: the latest) did with every record of `formula`.
    public static func why(formula: String, storePath: String, runId: Int? = nil) throws -> Explanation {
        let key = try MaterialLookup.canonicalKey(formula)
        let store = try StoreOpening.open(storePath)
        return try step(storePath) {
            let run = try store.curationRun(runId)
            let observations = try store.observations(canonicalKey: key)
            let cluster = try store.clusters(runId: run?.id, key: key).first
            let exclusions = try store.exclusions(runId: run?.id, canonicalKey: key)
            let accounted = Set(exclusions.map(\.observationId)).union(cluster?.members ?? [])
            return Explanation(canonicalKey: key, runId: run?.id, specName: run?.specName, observations: observations.count,
                               cluster: cluster, exclusions: exclusions,
                               notInRun: observations.map(\.id).filter { !accounted.contains($0) })
        }
    }
}
