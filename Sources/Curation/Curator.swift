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
    /// recorded with the run; `progress` hears of each of its three stages.
    public static func clean(spec: CurationSpec, store: CurateStore, toolVersion: String,
                             progress: WorkProgress? = nil) throws -> CurationReport {
        progress?(WorkStage(index: 0, count: 3, label: "read the observations"))
        let inputs = try store.curationInputs(property: spec.property, sources: spec.sources)
        guard !inputs.isEmpty else { throw CurationError.noInput(property: spec.property, sources: spec.sources) }
        progress?(WorkStage(index: 1, count: 3, label: "curate \(inputs.count) observations"))
        let (exclusions, clusters, funnel) = CurationEngine.run(spec: spec, inputs: inputs)
        progress?(WorkStage(index: 2, count: 3, label: "record the run"))
        let specJSON = try spec.canonicalJSON()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let funnelJSON = String(decoding: try encoder.encode(funnel), as: UTF8.self)
        let set = CurationRecordSet(specName: spec.name, specVersion: spec.version, specSHA256: SHA256Hasher.hex(of: specJSON),
                                    specJSON: specJSON, toolVersion: toolVersion, inputCount: inputs.count, funnelJSON: funnelJSON,
                                    exclusions: exclusions, clusters: clusters)
        let runId = try store.recordCuration(set)
        var byRule: [String: Int] = [:]
        for exclusion in exclusions { byRule[exclusion.rule, default: 0] += 1 }
        return CurationReport(runId: runId, spec: spec.name, specVersion: spec.version, specSHA256: set.specSHA256,
                              input: inputs.count, excluded: exclusions.count, clusters: clusters.count,
                              flaggedClusters: clusters.filter(\.flagged).count, curated: clusters.count, funnel: funnel,
                              exclusionsByRule: byRule)
    }
}
