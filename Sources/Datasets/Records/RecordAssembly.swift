import Chemistry
import CurateIO
import Curation
import Store

/// A curated material that does not become a release record, with the reason.
public struct ReleaseExclusion: Sendable, Equatable, Codable {
    /// The observation left out.
    public var observationId: Int
    /// Reason code, e.g. `censored_without_target`.
    public var rule: String
    /// Why, in words.
    public var reason: String
}

/// Turns curation clusters into release records.
public enum RecordAssembly {
    /// Builds one record per cluster (sorted by canonical key), mapping censored labels through
    /// `target.censored`; clusters with an unmapped censored label are returned as exclusions.
    public static func records(clusters: [CurationRecordSet.Cluster], inputs: [CurationInput],
                               target: TargetSpec, attributeField: String? = nil) -> (records: [DatasetRecord], excluded: [ReleaseExclusion]) {
        var byId: [Int: CurationInput] = [:]
        byId.reserveCapacity(inputs.count)
        for input in inputs { byId[input.observationId] = input }
        var records: [DatasetRecord] = []
        records.reserveCapacity(clusters.count)
        var excluded: [ReleaseExclusion] = []
        for cluster in clusters.sorted(by: { $0.key < $1.key }) {
            switch record(cluster: cluster, members: cluster.members.compactMap { byId[$0] }, target: target, attributeField: attributeField) {
            case .success(let record): records.append(record)
            case .failure(let exclusions): excluded += exclusions.list
            case nil: continue
            }
        }
        excluded.sort { $0.observationId < $1.observationId }
        return (records, excluded)
    }

    /// The exclusions of a cluster that cannot become a record.
    public struct Excluded: Error, Sendable {
        public var list: [ReleaseExclusion]
    }

    /// The record of one cluster, given the inputs of its members (in member order); the
    /// members' exclusions when its censored label maps to no number; nil without members.
    public static func record(cluster: CurationRecordSet.Cluster, members: [CurationInput], target: TargetSpec,
                              attributeField: String?) -> Result<DatasetRecord, Excluded>? {
        guard let first = members.first else { return nil }
        let value: Double
        if let measured = cluster.value {
            value = measured
        } else if let mapped = target.censored?[cluster.qualifier] {
            value = mapped
        } else {
            return .failure(Excluded(list: members.map { member in
                ReleaseExclusion(
                    observationId: member.observationId, rule: "censored_without_target",
                    reason: "only \(cluster.qualifier) labels for this composition and the dataset spec maps no number to \(cluster.qualifier)")
            }))
        }
        let composition = try? Composition(formula: first.canonicalKey)
        let label = cluster.tier == "protostructure" ? String(cluster.key.dropFirst(first.canonicalKey.count + 1)) : nil
        return .success(DatasetRecord(
            id: label.map { RecordIdentity.id(canonicalKey: first.canonicalKey, protostructure: $0) } ?? RecordIdentity.id(canonicalKey: cluster.key),
            composition: first.reducedFormula, canonicalKey: first.canonicalKey, chemicalSystem: first.chemicalSystem,
            prototype: composition?.formulaPrototype ?? "",
            elements: first.chemicalSystem.split(separator: "-").map(String.init),
            target: value, qualifier: cluster.qualifier, measurements: members.count, spread: cluster.spread,
            flagged: cluster.flagged, sources: Set(members.map(\.sourceName)).sorted(),
            provenance: members.map { "\($0.sourceName):\($0.locator)" }.sorted(),
            entryIds: Set(members.compactMap { RecordAttributes.entryId(metadataJSON: $0.metadataJSON) }).sorted(),
            split: "", innerFold: nil, protostructure: label,
            attributeValues: attributeField.map { field in
                Set(members.flatMap { RecordAttributes.values(of: field, in: $0) }).sorted()
            }))
    }
}

/// Stable record identity.
public enum RecordIdentity {
    /// `sha256("composition:" + key)`, first 16 hex digits.
    public static func id(canonicalKey: String) -> String {
        String(SHA256Hasher.hex(of: "composition:" + canonicalKey).prefix(16))
    }

    /// `sha256("protostructure:" + key + " " + label)`, first 16 hex digits: one id per
    /// polymorph of a composition.
    public static func id(canonicalKey: String, protostructure: String) -> String {
        String(SHA256Hasher.hex(of: "protostructure:" + canonicalKey + " " + protostructure).prefix(16))
    }
}
