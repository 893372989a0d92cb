import Crystal
import CurateIO
import Foundation
import Store

/// How a dataset attaches structures to value observations that have none: a source of
/// structure observations (a `cif` ingest, whose property is `structure`) is matched to the
/// values by an entry id in both records' metadata, e.g. the MP CIFs (`mp-1234.cif`) to a table
/// of formation energies by `task_id`. Written as `"structure_join"` in a dataset spec.
public struct StructureJoinSpec: Sendable, Codable, Equatable {
    /// Store names of the sources whose `structure` observations are joined (each must also be
    /// listed in the spec's `sources`, so it is ingested).
    public var sources: [String]
    /// The metadata field both sides carry (default `id`).
    public var key: String?

    /// The metadata field the join matches on.
    public var keyField: String { key ?? "id" }

    /// Creates a join over `sources` on `key`.
    public init(sources: [String], key: String? = nil) {
        self.sources = sources
        self.key = key
    }
}

/// Attaches structure metadata (protostructure label, space group, site count, volume, order)
/// to value observations by entry id.
///
/// A value observation that already carries a protostructure label keeps it. Otherwise, with
/// exactly one structure of the same id: when both describe the same canonical composition,
/// every structure field the value lacks is added (plus `structure_source` and
/// `structure_locator`, for provenance); when the compositions differ, the value is excluded
/// as `structure_join_mismatch` (the id points at another material). Values with no structure
/// of their id stay as they are (a protostructure-tier curation then leaves them out as
/// `no_protostructure`); ids shared by structures with different labels exclude their values as
/// `structure_join_ambiguous`.
public enum StructureJoin {
    /// Rule version written to the ledger.
    public static let ruleVersion = "structure_join/1"

    /// What the join did.
    public struct Outcome: Sendable {
        /// The value observations, with structure fields added where joined.
        public var inputs: [CurationInput]
        /// Values left out: composition mismatch or ambiguous id.
        public var exclusions: [CurationRecordSet.Exclusion]
        /// Values that gained a structure.
        public var joined: Int
        /// Values that already had a protostructure label.
        public var alreadyLabelled: Int
        /// Values with no structure of their id.
        public var unmatched: Int
    }

    /// Joins `structures` (observations of property `structure`) onto `values` by `key`.
    public static func apply(values: [CurationInput], structures: [CurationInput], key: String) -> Outcome {
        var byKey: [String: [(input: CurationInput, fields: [String: JSONValue])]] = [:]
        for structure in structures {
            let fields = objectFields(structure.metadataJSON)
            guard let id = fields[key].flatMap(scalarText) else { continue }
            byKey[id, default: []].append((structure, fields))
        }
        var outcome = Outcome(inputs: [], exclusions: [], joined: 0, alreadyLabelled: 0, unmatched: 0)
        for value in values {
            var fields = objectFields(value.metadataJSON)
            if fields["protostructure"] != nil {
                outcome.alreadyLabelled += 1
                outcome.inputs.append(value)
                continue
            }
            guard let id = fields[key].flatMap(scalarText), let candidates = byKey[id], let first = candidates.first else {
                outcome.unmatched += 1
                outcome.inputs.append(value)
                continue
            }
            let labels = Set(candidates.map { $0.fields["protostructure"].flatMap(scalarText) ?? "" })
            guard labels.count == 1 else {
                outcome.exclusions.append(.init(
                    observationId: value.observationId, rule: "structure_join_ambiguous", ruleVersion: ruleVersion,
                    reason: "\(candidates.count) structures have \(key) \(id) with different protostructure labels "
                        + "(\(candidates.map { $0.input.sourceName + ":" + $0.input.locator }.joined(separator: ", ")))",
                    evidenceJSON: nil))
                continue
            }
            guard first.input.canonicalKey == value.canonicalKey else {
                outcome.exclusions.append(.init(
                    observationId: value.observationId, rule: "structure_join_mismatch", ruleVersion: ruleVersion,
                    reason: "the structure with \(key) \(id) (\(first.input.sourceName):\(first.input.locator)) is "
                        + "\(first.input.reducedFormula), the value is for \(value.reducedFormula)",
                    evidenceJSON: nil))
                continue
            }
            for (name, field) in first.fields where fields[name] == nil { fields[name] = field }
            fields["structure_source"] = .string(first.input.sourceName)
            fields["structure_locator"] = .string(first.input.locator)
            var joined = value
            joined.metadataJSON = jsonText(.object(fields))
            outcome.inputs.append(joined)
            outcome.joined += 1
        }
        return outcome
    }

    /// The fields of a JSON object text (empty when absent or not an object).
    static func objectFields(_ text: String?) -> [String: JSONValue] {
        guard let text, case .object(let fields)? = JSONValue.parse(text) else { return [:] }
        return fields
    }

    /// A string or number field as text (ids are written either way).
    static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): return s
        case .number(let n): return JSONText.number(n)
        default: return nil
        }
    }

    /// Compact JSON with sorted keys, numbers in `JSONText.number`'s form.
    static func jsonText(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.isFinite ? JSONText.number(n) : "null"
        case .string(let s): return JSONText.quote(s)
        case .array(let items): return "[" + items.map(jsonText).joined(separator: ",") + "]"
        case .object(let fields): return JSONText.object(fields.mapValues(jsonText))
        }
    }
}
