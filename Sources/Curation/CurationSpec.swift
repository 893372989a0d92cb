import Foundation

/// A curation spec: which observations to curate and the ordered rules and dedup policy that
/// turn them into one record per material. Thresholds live here, not in code.
public struct CurationSpec: Sendable, Codable, Equatable {
    /// Spec name, e.g. `supercon-tc`.
    public var name: String
    /// Spec version (semantic), recorded with every run.
    public var version: String
    /// The observed property to curate, e.g. `tc`, `formation_energy_per_atom`.
    public var property: String
    /// Source names (or `kind/name`) to read; empty means every source with the property.
    public var sources: [String]
    /// Rules applied in order; each removes records with a reason.
    public var rules: [RuleSpec]
    /// How surviving records are clustered and aggregated.
    public var dedup: DedupSpec

    /// Reads a spec from a JSON file, with the path in every error.
    public static func load(path: String) throws -> CurationSpec {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CurationError.spec(path: path, message: "cannot read the file")
        }
        do {
            let spec = try JSONDecoder().decode(CurationSpec.self, from: data)
            try spec.validate(path: path)
            return spec
        } catch let error as CurationError {
            throw error
        } catch let DecodingError.keyNotFound(key, context) {
            throw CurationError.spec(path: path, message: "missing key \"\(key.stringValue)\" at \(Self.describe(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw CurationError.spec(path: path, message: "\(context.debugDescription) at \(Self.describe(context.codingPath))")
        } catch let DecodingError.dataCorrupted(context) {
            throw CurationError.spec(path: path, message: "not valid JSON: \(context.debugDescription)")
        } catch {
            throw CurationError.spec(path: path, message: String(describing: error))
        }
    }

    /// Canonical JSON of the spec (sorted keys): what the run records and hashes.
    public func canonicalJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func validate(path: String) throws {
        for (index, rule) in rules.enumerated() {
            guard CurationRule.kinds.contains(rule.rule) else {
                throw CurationError.spec(path: path, message: "rules[\(index)]: unknown rule \"\(rule.rule)\"; known: \(CurationRule.kinds.sorted().joined(separator: ", "))")
            }
        }
        guard ["composition", "protostructure"].contains(dedup.tier) else {
            throw CurationError.spec(path: path, message: "dedup.tier must be composition or protostructure, not \"\(dedup.tier)\"")
        }
        guard ["median", "mean", "max", "min"].contains(dedup.aggregate) else {
            throw CurationError.spec(path: path, message: "dedup.aggregate must be median, mean, max or min, not \"\(dedup.aggregate)\"")
        }
        for (index, rule) in rules.enumerated() where rule.rule == "require_condition" {
            guard rule.field != nil, rule.values?.isEmpty == false else {
                throw CurationError.spec(path: path, message: "rules[\(index)]: require_condition needs field and values")
            }
        }
        guard ["keep", "drop"].contains(dedup.censored) else {
            throw CurationError.spec(path: path, message: "dedup.censored must be keep or drop, not \"\(dedup.censored)\"")
        }
    }

    private static func describe(_ path: [CodingKey]) -> String {
        path.isEmpty ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}

/// One rule with its parameters; which parameters apply depends on `rule`.
public struct RuleSpec: Sendable, Codable, Equatable {
    /// Rule kind: `value_range`, `exclude_elements`, `element_count`, `exclude_qualifiers`.
    public var rule: String
    /// `value_range`: smallest accepted value (inclusive).
    public var min: Double?
    /// `value_range`: largest accepted value (inclusive).
    public var max: Double?
    /// `exclude_elements`: symbols and/or groups (`noble_gases`, `lanthanides`, `actinides`).
    public var elements: [String]?
    /// `element_count`: fewest elements accepted.
    public var minElements: Int?
    /// `element_count`: most elements accepted.
    public var maxElements: Int?
    /// `exclude_qualifiers`: qualifiers removed (e.g. `upper_bound`).
    public var qualifiers: [String]?
    /// `require_condition`: the conditions / metadata field that must be present…
    public var field: String?
    /// `require_condition`: …with one of these values (e.g. `correction` in `["mp2020"]`), so
    /// corrected and uncorrected (or GGA and r2SCAN) energies are never mixed silently.
    public var values: [String]?

    enum CodingKeys: String, CodingKey {
        case rule, min, max, elements, qualifiers, field, values
        case minElements = "min_elements", maxElements = "max_elements"
    }
}

/// Dedup tier and aggregation policy.
public struct DedupSpec: Sendable, Codable, Equatable {
    /// Identity tier: `composition` (canonical composition key) or `protostructure` (canonical
    /// composition and canonical protostructure label, so polymorphs stay apart; observations
    /// without a label go to the ledger as `no_protostructure`).
    public var tier: String
    /// Aggregation of repeated measurements: `median`, `mean`, `max`, `min`.
    public var aggregate: String
    /// Clusters whose (max − min) / |aggregate| exceeds this are flagged.
    public var spreadThreshold: Double
    /// Clusters with only censored labels (Tc = 0 "not superconducting"): `keep` as a censored
    /// record, or `drop`. Censored labels are never combined with measured values.
    public var censored: String
    /// Source precedence for compositions reported by several sources: the names (or kinds) in
    /// order, highest first. Where a composition has observations from a listed source, those of
    /// lower-ranked (or unlisted) sources are excluded with rule `source_precedence`, e.g. keep
    /// MP over WBM for shared materials. Nil or empty: every source counts.
    public var sourcePrecedence: [String]?

    /// Creates a dedup policy.
    public init(tier: String, aggregate: String, spreadThreshold: Double, censored: String, sourcePrecedence: [String]? = nil) {
        self.tier = tier
        self.aggregate = aggregate
        self.spreadThreshold = spreadThreshold
        self.censored = censored
        self.sourcePrecedence = sourcePrecedence
    }

    enum CodingKeys: String, CodingKey {
        case tier, aggregate, censored
        case spreadThreshold = "spread_threshold", sourcePrecedence = "source_precedence"
    }
}

/// Why a curation could not run.
public enum CurationError: Error, Sendable, CustomStringConvertible {
    /// The spec file is unreadable or invalid.
    case spec(path: String, message: String)
    /// The store has nothing to curate.
    case noInput(property: String, sources: [String])
    /// Dedup groups arrived out of key order (a bug in the reader's ordering, never the data's).
    case groupsOutOfOrder(previous: String, next: String)

    public var description: String {
        switch self {
        case .spec(let path, let message): "\(path): invalid curation spec: \(message)"
        case .noInput(let property, let sources):
            "no observations of \"\(property)\"" + (sources.isEmpty ? "" : " in sources \(sources.joined(separator: ", "))") + " in the store"
        case .groupsOutOfOrder(let previous, let next):
            "internal error: dedup groups arrived out of order (\(previous) before \(next)); nothing was written"
        }
    }
}
