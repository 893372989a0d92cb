import Chemistry
import CurateIO
import Store

/// One step of the funnel: how many records a step removed and how many remain after it.
public struct FunnelStep: Sendable, Codable, Equatable {
    /// Step name (a rule, or `input`, `dedup`).
    public var step: String
    /// Records the step removed (or merged, for dedup).
    public var removed: Int
    /// Records remaining after the step.
    public var remaining: Int

    /// Creates a step.
    public init(step: String, removed: Int, remaining: Int) {
        self.step = step
        self.removed = removed
        self.remaining = remaining
    }
}

/// The pure curation computation: inputs and a spec in, exclusions, clusters and a funnel out.
/// Deterministic: exclusions are ordered by observation id, clusters by key.
public enum CurationEngine {
    /// Observations that carry a measured value (as opposed to censored labels).
    static let measuredQualifiers: Set<String> = ["exact", "approximate", "range"]

    /// Runs `spec` over `inputs`: every input screened in observation-id order, then the groups
    /// curated in key order (see ``CurationPass``).
    public static func run(spec: CurationSpec, inputs: [CurationInput]) -> (exclusions: [CurationRecordSet.Exclusion], clusters: [CurationRecordSet.Cluster], funnel: [FunnelStep]) {
        var pass = CurationPass(spec: spec)
        var exclusions: [CurationRecordSet.Exclusion] = []
        var groups: [String: [CurationInput]] = [:]
        for input in inputs.sorted(by: { $0.observationId < $1.observationId }) {
            if let exclusion = pass.screen(input) { exclusions.append(exclusion); continue }
            switch pass.groupKey(input) {
            case .group(let key): groups[key, default: []].append(input)
            case .excluded(let exclusion): exclusions.append(exclusion)
            }
        }
        var clusters: [CurationRecordSet.Cluster] = []
        for key in groups.keys.sorted() {
            guard let members = groups[key] else { continue }
            let (cluster, excluded) = pass.curate(key: key, members: members)
            exclusions += excluded
            if let cluster { clusters.append(cluster) }
        }
        exclusions.sort { $0.observationId < $1.observationId }
        return (exclusions, clusters, pass.funnel())
    }

    static func aggregate(_ sorted: [Double], _ policy: String) -> Double {
        guard let first = sorted.first, let last = sorted.last else { return .nan }
        switch policy {
        case "mean": return sorted.reduce(0, +) / Double(sorted.count)
        case "max": return last
        case "min": return first
        default:
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
    }
}

extension CurationEngine {
    /// Version strings of every rule the engine can apply (what exclusions record).
    public static var ruleVersions: [String: String] { CurationRule.versions }
}
