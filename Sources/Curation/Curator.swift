import CurateIO
import Foundation
import Store

/// What `curate clean` did.
public struct CurationReport: Sendable, Codable, Equatable {
    public var runId: Int
    public var spec: String
    public var specVersion: String
    public var specSHA256: String
    public var input: Int
    public var excluded: Int
    public var clusters: Int
    public var flaggedClusters: Int
    public var curated: Int
    public var funnel: [FunnelStep]
    public var exclusionsByRule: [String: Int]
}

/// Runs a spec against a store and records the run, its ledger and its clusters.
public enum Curator {
    /// Curates `spec` over `store` and records the result in one transaction; `toolVersion` is
    /// recorded with the run; `progress` hears of each of its stages.
    ///
    /// The observations are read in canonical-key order and curated one dedup group at a time
    /// (``DedupGroupBuffer``, ``CurationPass``) while the run is written
    /// (``CurateStore/recordCuration(_:_:)``), so memory does not grow with the store; the rows
    /// written equal those of ``CurationEngine/run(spec:inputs:)`` recorded whole.
    public static func clean(spec: CurationSpec, store: CurateStore, toolVersion: String,
                             progress: WorkProgress? = nil) throws -> CurationReport {
        progress?(WorkStage(index: 0, count: 2, label: "read and curate the observations"))
        let specJSON = try spec.canonicalJSON()
        let header = CurationRunHeader(specName: spec.name, specVersion: spec.version, specSHA256: SHA256Hasher.hex(of: specJSON),
                                       specJSON: specJSON, toolVersion: toolVersion)
        var tally = Tally()
        var funnel: [FunnelStep] = []
        let runId = try store.recordCuration(header) { recorder in
            var pass = CurationPass(spec: spec)
            var buffer = DedupGroupBuffer()
            let curate = { (key: String, members: [CurationInput]) throws in
                let (cluster, excluded) = pass.curate(key: key, members: members)
                for exclusion in excluded { try tally.exclude(exclusion, recorder) }
                if let cluster { try tally.record(cluster, recorder) }
            }
            var inputCount = 0
            try recorder.forEachInput(property: spec.property, sources: spec.sources) { input in
                inputCount += 1
                if let exclusion = pass.screen(input) { return try tally.exclude(exclusion, recorder) }
                switch pass.groupKey(input) {
                case .excluded(let exclusion): try tally.exclude(exclusion, recorder)
                case .group(let key): try buffer.add(input, key: key, curate)
                }
            }
            try buffer.flush(curate)
            guard inputCount > 0 else { throw CurationError.noInput(property: spec.property, sources: spec.sources) }
            progress?(WorkStage(index: 1, count: 2, label: "record the run (\(inputCount) observations)"))
            funnel = pass.funnel()
            tally.input = inputCount
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return (inputCount, String(decoding: try encoder.encode(funnel), as: UTF8.self))
        }
        return CurationReport(runId: runId, spec: spec.name, specVersion: spec.version, specSHA256: header.specSHA256,
                              input: tally.input, excluded: tally.excluded, clusters: tally.clusters,
                              flaggedClusters: tally.flagged, curated: tally.clusters, funnel: funnel,
                              exclusionsByRule: tally.byRule)
    }

    /// The report's counts, kept as the run is written.
    private struct Tally {
        var input = 0
        var excluded = 0
        var clusters = 0
        var flagged = 0
        var byRule: [String: Int] = [:]

        mutating func exclude(_ exclusion: CurationRecordSet.Exclusion, _ recorder: CurationRunRecorder) throws {
            try recorder.exclude(exclusion)
            excluded += 1
            byRule[exclusion.rule, default: 0] += 1
        }

        mutating func record(_ cluster: CurationRecordSet.Cluster, _ recorder: CurationRunRecorder) throws {
            try recorder.record(cluster)
            clusters += 1
            if cluster.flagged { flagged += 1 }
        }
    }
}
