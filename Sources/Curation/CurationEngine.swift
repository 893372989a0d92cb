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

    /// Runs `spec` over `inputs`.
    public static func run(spec: CurationSpec, inputs: [CurationInput]) -> (exclusions: [CurationRecordSet.Exclusion], clusters: [CurationRecordSet.Cluster], funnel: [FunnelStep]) {
        var remaining = inputs.sorted { $0.observationId < $1.observationId }
        var exclusions: [CurationRecordSet.Exclusion] = []
        var funnel = [FunnelStep(step: "input", removed: 0, remaining: remaining.count)]
        for rule in spec.rules {
            var kept: [CurationInput] = []
            kept.reserveCapacity(remaining.count)
            for input in remaining {
                if let (reason, evidence) = CurationRule.violation(of: rule, by: input) {
                    exclusions.append(.init(observationId: input.observationId, rule: rule.rule,
                                            ruleVersion: CurationRule.versions[rule.rule] ?? rule.rule, reason: reason, evidenceJSON: evidence))
                } else {
                    kept.append(input)
                }
            }
            funnel.append(FunnelStep(step: rule.rule, removed: remaining.count - kept.count, remaining: kept.count))
            remaining = kept
        }

        // Tier "composition": one cluster per canonical composition key; tier "protostructure":
        // one per (composition, canonical protostructure label), so polymorphs stay apart.
        var groups: [String: [CurationInput]] = [:]
        var unlabelled = Set<Int>()
        for input in remaining {
            guard spec.dedup.tier == "protostructure" else { groups[input.canonicalKey, default: []].append(input); continue }
            guard let label = ObservationFields.value("protostructure", conditionsJSON: input.conditionsJSON, metadataJSON: input.metadataJSON) else {
                exclusions.append(.init(observationId: input.observationId, rule: "no_protostructure",
                                        ruleVersion: CurationRule.versions["no_protostructure"] ?? "",
                                        reason: "no protostructure label (an ordered structure is needed for the protostructure tier)",
                                        evidenceJSON: nil))
                unlabelled.insert(input.observationId)
                continue
            }
            groups[input.canonicalKey + " " + label, default: []].append(input)
        }
        if spec.dedup.tier == "protostructure" {
            funnel.append(FunnelStep(step: "protostructure label present", removed: unlabelled.count, remaining: remaining.count - unlabelled.count))
            remaining = remaining.filter { !unlabelled.contains($0.observationId) }
        }
        var clusters: [CurationRecordSet.Cluster] = []
        var censoredRemoved = 0
        var precedenceRemoved = 0
        let precedence = spec.dedup.sourcePrecedence ?? []
        for key in groups.keys.sorted() {
            guard var members = groups[key] else { continue }
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
            let measured = members.filter { measuredQualifiers.contains($0.qualifier) && $0.value != nil }
            let censored = members.filter { !(measuredQualifiers.contains($0.qualifier) && $0.value != nil) }
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
                let values = measured.compactMap(\.value).sorted()
                let value = aggregate(values, spec.dedup.aggregate)
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
                clusters.append(.init(key: key, tier: spec.dedup.tier, members: measured.map(\.observationId).sorted(),
                                      measuredCount: measured.count, censoredCount: censored.count, value: value,
                                      qualifier: measured.count == 1 ? measured[0].qualifier : "aggregate",
                                      aggregation: measured.count == 1 ? "single" : spec.dedup.aggregate,
                                      spread: measured.count > 1 ? spread : nil, relativeSpread: measured.count > 1 ? relative : nil,
                                      flagged: flagged, evidenceJSON: evidence))
            } else if spec.dedup.censored == "keep" {
                let qualifiers = Set(censored.map(\.qualifier)).sorted()
                clusters.append(.init(key: key, tier: spec.dedup.tier, members: censored.map(\.observationId).sorted(),
                                      measuredCount: 0, censoredCount: censored.count, value: nil,
                                      qualifier: qualifiers.count == 1 ? qualifiers[0] : "censored", aggregation: "censored",
                                      spread: nil, relativeSpread: nil, flagged: false,
                                      evidenceJSON: "{\"matched\":\"canonical_key\",\"sources\":\(sourcesJSON)}"))
            } else {
                for record in censored {
                    exclusions.append(.init(observationId: record.observationId, rule: "censored_dropped",
                                            ruleVersion: CurationRule.versions["censored_dropped"] ?? "",
                                            reason: "the spec drops compositions with only censored labels", evidenceJSON: nil))
                }
                censoredRemoved += censored.count
            }
        }
        if !precedence.isEmpty {
            funnel.append(FunnelStep(step: "source precedence (\(precedence.joined(separator: " > ")))", removed: precedenceRemoved,
                                     remaining: remaining.count - precedenceRemoved))
        }
        let afterCensored = remaining.count - precedenceRemoved - censoredRemoved
        funnel.append(FunnelStep(step: "censored labels (never mixed with measurements)", removed: censoredRemoved, remaining: afterCensored))
        funnel.append(FunnelStep(step: "dedup by \(spec.dedup.tier) (\(spec.dedup.aggregate))", removed: afterCensored - clusters.count,
                                 remaining: clusters.count))
        exclusions.sort { $0.observationId < $1.observationId }
        return (exclusions, clusters, funnel)
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
