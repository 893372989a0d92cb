import CurateIO
import Store

/// Curation one observation and one dedup group at a time, with the funnel's counters.
///
/// ``CurationEngine/run(spec:inputs:)`` drives it over an array; a streaming release drives it
/// over observations read in canonical-key order, so both give the same clusters, exclusions
/// and funnel. Screening must see every input before ``funnel()`` is read; groups may be
/// curated as soon as all their members have been screened.
public struct CurationPass: Sendable {
    /// The spec being applied.
    public let spec: CurationSpec
    private var inputCount = 0
    private var removedByRule: [Int]
    private var unlabelled = 0
    private var precedenceRemoved = 0
    private var censoredRemoved = 0
    private var clusterCount = 0

    /// A pass of `spec` with every counter at zero.
    public init(spec: CurationSpec) {
        self.spec = spec
        removedByRule = Array(repeating: 0, count: spec.rules.count)
    }

    /// Applies the spec's rules in order: the exclusion for the first rule `input` violates,
    /// or nil when it passes them all.
    public mutating func screen(_ input: CurationInput) -> CurationRecordSet.Exclusion? {
        inputCount += 1
        for (index, rule) in spec.rules.enumerated() {
            guard let (reason, evidence) = CurationRule.violation(of: rule, by: input) else { continue }
            removedByRule[index] += 1
            return .init(observationId: input.observationId, rule: rule.rule,
                         ruleVersion: CurationRule.versions[rule.rule] ?? rule.rule, reason: reason, evidenceJSON: evidence)
        }
        return nil
    }

    /// The dedup group of a screened input: its canonical key (composition tier), or key, a space
    /// and its protostructure label (protostructure tier); an exclusion when the label is missing.
    public mutating func groupKey(_ input: CurationInput) -> GroupAssignment {
        guard spec.dedup.tier == "protostructure" else { return .group(input.canonicalKey) }
        guard let label = ObservationFields.value("protostructure", conditionsJSON: input.conditionsJSON, metadataJSON: input.metadataJSON) else {
            unlabelled += 1
            return .excluded(.init(observationId: input.observationId, rule: "no_protostructure",
                                  ruleVersion: CurationRule.versions["no_protostructure"] ?? "",
                                  reason: "no protostructure label (an ordered structure is needed for the protostructure tier)",
                                  evidenceJSON: nil))
        }
        return .group(input.canonicalKey + " " + label)
    }

    /// Where a screened input goes: its dedup group, or the ledger.
    public enum GroupAssignment: Sendable {
        case group(String)
        case excluded(CurationRecordSet.Exclusion)
    }

    /// Curates one dedup group, `members` in observation-id order: source precedence, censored
    /// labels, then one aggregated cluster (nil when the group leaves none) and the exclusions.
    public mutating func curate(key: String, members group: [CurationInput]) -> (cluster: CurationRecordSet.Cluster?, exclusions: [CurationRecordSet.Exclusion]) {
        var members = group
        var exclusions: [CurationRecordSet.Exclusion] = []
        let precedence = spec.dedup.sourcePrecedence ?? []
        if !precedence.isEmpty {
            func rank(_ input: CurationInput) -> Int {
                precedence.firstIndex { $0 == input.sourceName || $0 == input.sourceKind || $0 == "\(input.sourceKind)/\(input.sourceName)" } ?? Int.max
            }
            let best = members.map(rank).min() ?? Int.max
            if best < Int.max {
                for record in members where rank(record) > best {
                    exclusions.append(.init(
                        observationId: record.observationId, rule: "source_precedence",
                        ruleVersion: CurationRule.versions["source_precedence"] ?? "",
                        reason: "\(precedence[best]) takes precedence over \(record.sourceName) for this composition",
                        evidenceJSON: "{\"cluster\":\(JSONText.quote(key)),\"kept_source\":\(JSONText.quote(precedence[best]))}"))
                    precedenceRemoved += 1
                }
                members = members.filter { rank($0) == best }
            }
        }
        let measured = members.filter { CurationEngine.measuredQualifiers.contains($0.qualifier) && $0.value != nil }
        let censored = members.filter { !(CurationEngine.measuredQualifiers.contains($0.qualifier) && $0.value != nil) }
        let sourcesJSON = "[" + Set(members.map(\.sourceName)).sorted().map { JSONText.quote($0) }.joined(separator: ",") + "]"
        if !measured.isEmpty {
            for record in censored {
                exclusions.append(.init(
                    observationId: record.observationId, rule: "censored_with_measurements",
                    ruleVersion: CurationRule.versions["censored_with_measurements"] ?? "",
                    reason: "a \(record.qualifier) label is never combined with measured values; this composition has \(measured.count) measurement(s)",
                    evidenceJSON: "{\"cluster\":\(JSONText.quote(key))}"))
            }
            censoredRemoved += censored.count
            clusterCount += 1
            return (measuredCluster(key: key, measured: measured, censoredCount: censored.count, sourcesJSON: sourcesJSON), exclusions)
        } else if spec.dedup.censored == "keep" {
            let qualifiers = Set(censored.map(\.qualifier)).sorted()
            clusterCount += 1
            return (.init(key: key, tier: spec.dedup.tier, members: censored.map(\.observationId).sorted(),
                          measuredCount: 0, censoredCount: censored.count, value: nil,
                          qualifier: qualifiers.count == 1 ? qualifiers[0] : "censored", aggregation: "censored",
                          spread: nil, relativeSpread: nil, flagged: false,
                          evidenceJSON: "{\"matched\":\"canonical_key\",\"sources\":\(sourcesJSON)}"), exclusions)
        } else {
            for record in censored {
                exclusions.append(.init(observationId: record.observationId, rule: "censored_dropped",
                                        ruleVersion: CurationRule.versions["censored_dropped"] ?? "",
                                        reason: "the spec drops compositions with only censored labels", evidenceJSON: nil))
            }
            censoredRemoved += censored.count
            return (nil, exclusions)
        }
    }

    /// The cluster of a group with measured values: the aggregate, its spread and the evidence.
    private func measuredCluster(key: String, measured: [CurationInput], censoredCount: Int, sourcesJSON: String) -> CurationRecordSet.Cluster {
        let values = measured.compactMap(\.value).sorted()
        let value = CurationEngine.aggregate(values, spec.dedup.aggregate)
        let spread = (values.last ?? 0) - (values.first ?? 0)
        let relative = value == 0 ? nil : spread / abs(value)
        let flagged = values.count > 1 && (relative.map { $0 > spec.dedup.spreadThreshold } ?? (spread > 0))
        let matched = spec.dedup.tier == "protostructure" ? "canonical_key+protostructure" : "canonical_key"
        // For min / max, the member that supplies the value (e.g. the lowest-energy polymorph).
        let selected: CurationInput? = spec.dedup.aggregate == "min" ? measured.min { ($0.value ?? 0, $0.observationId) < ($1.value ?? 0, $1.observationId) }
            : spec.dedup.aggregate == "max" ? measured.max { ($0.value ?? 0, -$0.observationId) < ($1.value ?? 0, -$1.observationId) } : nil
        let selectedJSON = selected.map { ",\"selected\":{\"observation\":\($0.observationId),\"source\":\(JSONText.quote($0.sourceName)),\"locator\":\(JSONText.quote($0.locator))"
            + (ObservationFields.value("protostructure", conditionsJSON: $0.conditionsJSON, metadataJSON: $0.metadataJSON).map { ",\"protostructure\":\(JSONText.quote($0))" } ?? "") + "}" } ?? ""
        let evidence = "{\"matched\":\"\(matched)\",\"sources\":\(sourcesJSON),\"values\":[" + values.map(CurationRule.format).joined(separator: ",") + "]\(selectedJSON)}"
        return .init(key: key, tier: spec.dedup.tier, members: measured.map(\.observationId).sorted(),
                     measuredCount: measured.count, censoredCount: censoredCount, value: value,
                     qualifier: measured.count == 1 ? measured[0].qualifier : "aggregate",
                     aggregation: measured.count == 1 ? "single" : spec.dedup.aggregate,
                     spread: measured.count > 1 ? spread : nil, relativeSpread: measured.count > 1 ? relative : nil,
                     flagged: flagged, evidenceJSON: evidence)
    }

    /// The funnel: input, one step per rule, the protostructure label (that tier), source
    /// precedence (when the spec has one), censored labels and dedup.
    public func funnel() -> [FunnelStep] {
        var remaining = inputCount
        var funnel = [FunnelStep(step: "input", removed: 0, remaining: remaining)]
        for (rule, removed) in zip(spec.rules, removedByRule) {
            remaining -= removed
            funnel.append(FunnelStep(step: rule.rule, removed: removed, remaining: remaining))
        }
        if spec.dedup.tier == "protostructure" {
            remaining -= unlabelled
            funnel.append(FunnelStep(step: "protostructure label present", removed: unlabelled, remaining: remaining))
        }
        let precedence = spec.dedup.sourcePrecedence ?? []
        if !precedence.isEmpty {
            funnel.append(FunnelStep(step: "source precedence (\(precedence.joined(separator: " > ")))", removed: precedenceRemoved,
                                     remaining: remaining - precedenceRemoved))
        }
        let afterCensored = remaining - precedenceRemoved - censoredRemoved
        funnel.append(FunnelStep(step: "censored labels (never mixed with measurements)", removed: censoredRemoved, remaining: afterCensored))
        funnel.append(FunnelStep(step: "dedup by \(spec.dedup.tier) (\(spec.dedup.aggregate))", removed: afterCensored - clusterCount,
                                 remaining: clusterCount))
        return funnel
    }
}
