import GRDB

/// Writes one curation run inside its transaction while the run is computed, so that neither
/// the observations nor the results are held in memory: clusters go straight to their tables
/// (in the order given, which is the dedup-key order), exclusions wait in a temporary table and
/// are copied in observation-id order when the run closes, and the run's counts and funnel are
/// filled in last. Only valid inside ``CurateStore/recordCuration(_:_:)``.
public final class CurationRunRecorder {
    private let db: Database
    /// The id of the run being written.
    public let runId: Int
    private let pendingExclusion: Statement
    private let cluster: Statement
    private let member: Statement
    /// Clusters recorded so far.
    public private(set) var clusterCount = 0

    init(db: Database, runId: Int) throws {
        self.db = db
        self.runId = runId
        try db.execute(sql: """
            CREATE TEMP TABLE pending_exclusions (observation_id INTEGER NOT NULL, rule TEXT NOT NULL, rule_version TEXT NOT NULL,
                                                  reason TEXT NOT NULL, evidence_json TEXT)
            """)
        pendingExclusion = try db.makeStatement(sql: """
            INSERT INTO temp.pending_exclusions (observation_id, rule, rule_version, reason, evidence_json) VALUES (?, ?, ?, ?, ?)
            """)
        cluster = try db.makeStatement(sql: """
            INSERT INTO clusters (curation_run_id, cluster_key, tier, size, measured_count, censored_count, value,
                                  qualifier, aggregation, spread, relative_spread, flagged, evidence_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        member = try db.makeStatement(sql: "INSERT INTO cluster_members (cluster_id, observation_id) VALUES (?, ?)")
    }

    /// Hands every observation of `property` from `sources` to `body` in canonical-key order
    /// (by observation id within a key); `body` records through this recorder, not the store.
    public func forEachInput(property: String, sources: [String], _ body: (CurationInput) throws -> Void) throws {
        let (sql, arguments) = CurationInput.query(property: property, sources: sources, order: "m.canonical_key, o.id")
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() { try body(CurationInput(row: row)) }
    }

    /// Records that `item` was excluded (any order; the ledger is written by observation id).
    public func exclude(_ item: CurationRecordSet.Exclusion) throws {
        try pendingExclusion.execute(arguments: [item.observationId, item.rule, item.ruleVersion, item.reason, item.evidenceJSON])
    }

    /// Records a cluster and its members.
    public func record(_ item: CurationRecordSet.Cluster) throws {
        try cluster.execute(arguments: [runId, item.key, item.tier, item.members.count, item.measuredCount,
                                        item.censoredCount, item.value, item.qualifier, item.aggregation,
                                        item.spread, item.relativeSpread, item.flagged ? 1 : 0, item.evidenceJSON])
        let clusterId = db.lastInsertedRowID
        for observation in item.members { try member.execute(arguments: [clusterId, observation]) }
        clusterCount += 1
    }

    /// Copies the exclusions in observation-id order and fills in the run's counts.
    func close(inputCount: Int, funnelJSON: String) throws {
        try db.execute(sql: """
            INSERT INTO exclusions (curation_run_id, observation_id, rule, rule_version, reason, evidence_json)
            SELECT ?, observation_id, rule, rule_version, reason, evidence_json FROM temp.pending_exclusions
            ORDER BY observation_id, rowid
            """, arguments: [runId])
        try db.execute(sql: "DROP TABLE temp.pending_exclusions")
        try db.execute(sql: "UPDATE curation_runs SET input_count = ?, curated_count = ?, funnel_json = ? WHERE id = ?",
                       arguments: [inputCount, clusterCount, funnelJSON, runId])
    }
}

/// What identifies a curation run: its spec and the tool that ran it.
public struct CurationRunHeader: Sendable, Equatable {
    public var specName: String
    public var specVersion: String
    public var specSHA256: String
    public var specJSON: String
    public var toolVersion: String

    /// Creates a header.
    public init(specName: String, specVersion: String, specSHA256: String, specJSON: String, toolVersion: String) {
        self.specName = specName
        self.specVersion = specVersion
        self.specSHA256 = specSHA256
        self.specJSON = specJSON
        self.toolVersion = toolVersion
    }
}

extension CurateStore {
    /// Writes a curation run in one transaction while `body` computes it through the recorder
    /// it is given (reading the inputs with ``CurationRunRecorder/forEachInput(property:sources:_:)``);
    /// `body` returns how many inputs it read and the run's funnel. Returns the run's id. When
    /// `body` throws, nothing is written.
    @discardableResult
    public func recordCuration(_ header: CurationRunHeader,
                               _ body: (CurationRunRecorder) throws -> (inputCount: Int, funnelJSON: String)) throws -> Int {
        let storeHash = try contentHash()
        try refuseReentrance("recording a curation run")
        do {
            return try queue.write { db -> Int in
                try db.execute(sql: """
                    INSERT INTO curation_runs (spec_name, spec_version, spec_sha256, spec_json, tool_version, store_hash,
                                               started_at, input_count, curated_count, funnel_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, '[]')
                    """, arguments: [header.specName, header.specVersion, header.specSHA256, header.specJSON, header.toolVersion,
                                     storeHash, Timestamp.now()])
                let recorder = try CurationRunRecorder(db: db, runId: Int(db.lastInsertedRowID))
                let (inputCount, funnelJSON) = try body(recorder)
                try recorder.close(inputCount: inputCount, funnelJSON: funnelJSON)
                return recorder.runId
            }
        } catch let error as DatabaseError {
            throw StoreError.database(operation: "recording a curation run", reason: Self.reason(error))
        }
    }
}
