import Foundation
import GRDB

/// One recorded curation run.
public struct CurationRunRecord: Sendable, Equatable, Codable {
    public var id: Int
    public var specName: String
    public var specVersion: String
    public var specSHA256: String
    public var toolVersion: String
    public var storeHash: String
    public var startedAt: String
    public var inputCount: Int
    public var curatedCount: Int
    public var funnelJSON: String
}

/// An exclusion joined with the observation it removed.
public struct ExclusionEntry: Sendable, Equatable, Codable {
    public var runId: Int
    public var observationId: Int
    public var sourceName: String
    public var locator: String
    public var formulaAsWritten: String
    public var canonicalKey: String
    public var value: Double?
    public var qualifier: String
    public var rule: String
    public var ruleVersion: String
    public var reason: String
    public var evidenceJSON: String?
}

/// A stored cluster with its member observation ids.
public struct ClusterEntry: Sendable, Equatable, Codable {
    public var runId: Int
    public var key: String
    public var tier: String
    public var size: Int
    public var measuredCount: Int
    public var censoredCount: Int
    public var value: Double?
    public var qualifier: String
    public var aggregation: String
    public var spread: Double?
    public var relativeSpread: Double?
    public var flagged: Bool
    public var evidenceJSON: String
    public var members: [Int]
}

extension CurateStore {
    /// Writes a curation run in one transaction and returns its id.
    @discardableResult
    public func recordCuration(_ set: CurationRecordSet) throws -> Int {
        let header = CurationRunHeader(specName: set.specName, specVersion: set.specVersion, specSHA256: set.specSHA256,
                                       specJSON: set.specJSON, toolVersion: set.toolVersion)
        return try recordCuration(header) { recorder in
            for item in set.exclusions { try recorder.exclude(item) }
            for item in set.clusters { try recorder.record(item) }
            return (set.inputCount, set.funnelJSON)
        }
    }

    /// All curation runs, oldest first.
    public func curationRuns() throws -> [CurationRunRecord] {
        try read("listing curation runs") { db in
            try Row.fetchAll(db, sql: """
                SELECT id, spec_name, spec_version, spec_sha256, tool_version, store_hash, started_at, input_count,
                       curated_count, funnel_json FROM curation_runs ORDER BY id
                """).map { row in
                CurationRunRecord(id: row[0], specName: row[1], specVersion: row[2], specSHA256: row[3], toolVersion: row[4],
                                  storeHash: row[5], startedAt: row[6], inputCount: row[7], curatedCount: row[8], funnelJSON: row[9])
            }
        }
    }

    /// The run `runId`, or the latest run when `nil`.
    public func curationRun(_ runId: Int?) throws -> CurationRunRecord? {
        let runs = try curationRuns()
        guard let runId else { return runs.last }
        return runs.first { $0.id == runId }
    }

    /// Exclusions of a run (the latest when `runId` is nil), optionally of one rule or one
    /// material, in observation order.
    public func exclusions(runId: Int?, rule: String? = nil, canonicalKey: String? = nil) throws -> [ExclusionEntry] {
        guard let run = try curationRun(runId) else { return [] }
        return try read("listing exclusions") { db in
            var sql = """
                SELECT e.curation_run_id, e.observation_id, s.name, r.locator, o.formula_as_written, m.canonical_key,
                       o.value, o.qualifier, e.rule, e.rule_version, e.reason, e.evidence_json
                FROM exclusions e
                JOIN observations o ON o.id = e.observation_id
                JOIN raw_records r ON r.id = o.raw_record_id
                JOIN sources s ON s.id = o.source_id
                JOIN materials m ON m.id = o.material_id
                WHERE e.curation_run_id = ?
                """
            var arguments: [DatabaseValueConvertible?] = [run.id]
            if let rule { sql += " AND e.rule = ?"; arguments.append(rule) }
            if let canonicalKey { sql += " AND m.canonical_key = ?"; arguments.append(canonicalKey) }
            sql += " ORDER BY e.observation_id"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                ExclusionEntry(runId: row[0], observationId: row[1], sourceName: row[2], locator: row[3], formulaAsWritten: row[4],
                               canonicalKey: row[5], value: row[6], qualifier: row[7], rule: row[8], ruleVersion: row[9],
                               reason: row[10], evidenceJSON: row[11])
            }
        }
    }

    /// Clusters of a run (the latest when `runId` is nil) with at least `minSize` members,
    /// optionally only flagged ones or one key, ordered by key.
    public func clusters(runId: Int?, minSize: Int = 1, flaggedOnly: Bool = false, key: String? = nil) throws -> [ClusterEntry] {
        guard let run = try curationRun(runId) else { return [] }
        return try read("listing clusters") { db in
            var sql = """
                SELECT id, curation_run_id, cluster_key, tier, size, measured_count, censored_count, value, qualifier,
                       aggregation, spread, relative_spread, flagged, evidence_json
                FROM clusters WHERE curation_run_id = ? AND size >= ?
                """
            var arguments: [DatabaseValueConvertible?] = [run.id, minSize]
            if flaggedOnly { sql += " AND flagged = 1" }
            if let key { sql += " AND cluster_key = ?"; arguments.append(key) }
            sql += " ORDER BY cluster_key"
            let members = try db.makeStatement(sql: "SELECT observation_id FROM cluster_members WHERE cluster_id = ? ORDER BY observation_id")
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                let clusterId: Int = row[0]
                let ids = try Int.fetchAll(members, arguments: [clusterId])
                return ClusterEntry(runId: row[1], key: row[2], tier: row[3], size: row[4], measuredCount: row[5],
                                    censoredCount: row[6], value: row[7], qualifier: row[8], aggregation: row[9], spread: row[10],
                                    relativeSpread: row[11], flagged: (row[12] as Int) == 1, evidenceJSON: row[13], members: ids)
            }
        }
    }
}
