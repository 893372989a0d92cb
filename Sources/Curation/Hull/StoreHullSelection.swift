import Chemistry
import CurateIO
import Foundation
import PhaseStability
import Store

/// The entries of one store hull run: the observations of one property, one source selection and
/// one correction scheme, as composition-level `FormationEntry`s, with the sha256 of exactly
/// what was selected.
///
/// Correction schemes are never mixed: when the observations carry more than one `correction`
/// condition and none was chosen, selection fails and names them. Observations without a
/// `correction` condition (e.g. plain tables) count as the scheme `unrecorded`.
public struct StoreHullSelection: Sendable {
    /// An observation that was left out, and why.
    public struct Skipped: Sendable, Hashable {
        public let observationId: Int
        public let reason: String
    }

    /// The label of observations without a `correction` condition.
    public static let unrecordedCorrection = "unrecorded"

    /// The hull entries; each id is the observation id as text (unique by construction).
    public let entries: [FormationEntry]
    /// Per entry (same order): the observation id.
    public let observationIds: [Int]
    /// Per entry: the entry id from metadata (`id`), else `source:locator`.
    public let entryIds: [String]
    /// The correction scheme of every selected entry.
    public let correction: String
    /// sha256 (hex) of the canonical listing of the selected entries (see `canonicalListing`).
    public let entriesSHA256: String
    /// Observations of the property that could not be used (no value, censored, unreadable formula).
    public let skipped: [Skipped]

    /// Selects from `inputs` (ordered by observation id) those with `correction` (required when
    /// several schemes occur) whose chemical system lies within `chemsys` (e.g. `Li-Fe-O`), if given.
    public init(inputs: [CurationInput], property: String, correction chosen: String?, chemsys: String?) throws(StoreHullError) {
        let allowed = try chemsys.map { text throws(StoreHullError) in try Self.elements(of: text) }
        var byScheme: [String: [CurationInput]] = [:]
        for input in inputs { byScheme[Self.correction(of: input), default: []].append(input) }
        let scheme: String
        if let chosen {
            scheme = chosen
        } else if byScheme.count > 1 {
            throw .mixedCorrections(byScheme.keys.sorted())
        } else {
            scheme = byScheme.keys.first ?? Self.unrecordedCorrection
        }
        var entries: [FormationEntry] = []
        var observationIds: [Int] = []
        var entryIds: [String] = []
        var skipped: [Skipped] = []
        var hasher = SHA256Hasher()
        hasher.update("curate-hull-entries v1\nproperty \(property)\ncorrection \(scheme)\n")
        for input in byScheme[scheme] ?? [] {
            guard let value = input.value, value.isFinite else {
                skipped.append(Skipped(observationId: input.observationId, reason: "no finite value")); continue
            }
            guard input.qualifier == "exact" || input.qualifier == "=" else {
                skipped.append(Skipped(observationId: input.observationId, reason: "qualifier \(input.qualifier)")); continue
            }
            guard let composition = try? Composition(formula: input.reducedFormula), composition.totalAmount > 0 else {
                skipped.append(Skipped(observationId: input.observationId, reason: "unreadable formula \(input.reducedFormula)")); continue
            }
            if let allowed, !composition.entries.allSatisfy({ allowed.contains(Int($0.z)) }) { continue }
            let entryId = Self.entryId(of: input)
            entries.append(FormationEntry(id: String(input.observationId), composition: composition, formationEnergyPerAtom: value))
            observationIds.append(input.observationId)
            entryIds.append(entryId)
            hasher.update("\(input.observationId)\t\(entryId)\t\(input.canonicalKey)\t\(value)\n")
        }
        self.entries = entries
        self.observationIds = observationIds
        self.entryIds = entryIds
        self.correction = scheme
        self.entriesSHA256 = hasher.finalizeHex()
        self.skipped = skipped
    }

    /// The `correction` condition of an observation, or `unrecorded`.
    static func correction(of input: CurationInput) -> String {
        guard let text = input.conditionsJSON, let data = text.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let value = object["correction"] as? String else { return unrecordedCorrection }
        return value
    }

    /// The metadata `id`, else `source:locator`.
    static func entryId(of input: CurationInput) -> String {
        if let text = input.metadataJSON, let data = text.data(using: .utf8),
           let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            if let id = object["id"] as? String { return id }
            if let id = object["id"] as? NSNumber { return id.stringValue }
        }
        return "\(input.sourceName):\(input.locator)"
    }

    /// Atomic numbers of a `Li-Fe-O` system text.
    static func elements(of text: String) throws(StoreHullError) -> Set<Int> {
        var result = Set<Int>()
        for symbol in text.split(separator: "-") {
            guard let z = PeriodicTable.atomicNumber(symbol: symbol.trimmingCharacters(in: .whitespaces)) else {
                throw .unknownElement(String(symbol))
            }
            result.insert(z)
        }
        guard !result.isEmpty else { throw .unknownElement(text) }
        return result
    }
}
