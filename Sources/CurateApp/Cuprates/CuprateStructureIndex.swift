import Chemistry
import Crystal
import Cuprates
import Foundation
import Store

/// The stored structures that have CuO2 planes, indexed by composition and by the formula that
/// 3DSC-style file names carry (`Cu1La1.85Sr0.15O4-MP-mp-1180676-synth_doped.cif`).
struct CuprateStructureIndex {
    /// One cuprate structure.
    struct Entry {
        /// The entry id (`mp-1234`) or file name.
        let id: String
        /// The chemical repeat c (Å): the stacking period reduced to the family's repeat, nil
        /// when it is no whole multiple of it (such a structure is neither fitted nor joined);
        /// for `other`, the stacking period itself.
        let c: Double?
        /// The structure this one was derived from (3DSC: the MP parent), else `id`.
        let parent: String
        let family: CuprateFamily
        let geometry: CuprateGeometry
    }

    private(set) var entries: [Entry] = []
    private(set) var byComposition: [String: [Int]] = [:]
    private(set) var byFileFormula: [String: [Int]] = [:]
    /// Structures by their cations alone (oxygen left out), with their oxygen per cation.
    private(set) var byCations: [String: [(index: Int, oxygenPerCation: Double)]] = [:]
    private(set) var summary = CuprateStudyResult.StructureSummary(read: 0, skippedWithoutCopper: 0, unreadable: 0, withPlanes: 0,
                                                                   withoutApicalOxygen: 0, partialOxygen: 0)

    init(records: [StructureRecord], classifier: FamilyClassifier) {
        let copper = Array("Cu".utf8)
        for record in records {
            // Only files that mention copper are parsed (every cuprate CIF names Cu).
            guard record.bytes.indices.dropLast().contains(where: { record.bytes[$0] == copper[0] && record.bytes[$0 + 1] == copper[1] }) else {
                summary.skippedWithoutCopper += 1
                continue
            }
            guard let structure = try? CIFReader.readStructure(bytes: record.bytes, file: record.locator).structure else {
                summary.unreadable += 1
                continue
            }
            summary.read += 1
            guard let family = classifier.family(of: structure.composition),
                  let geometry = try? CopperOxygenAnalysis.analyse(structure) else { continue }
            summary.withPlanes += 1
            if geometry.isWithoutApicalOxygen { summary.withoutApicalOxygen += 1 }
            if geometry.partialOxygenBondCount > 0 { summary.partialOxygen += 1 }
            let file = (record.locator as NSString).lastPathComponent
            let name = Self.threeDSCName(file)
            let id = Self.metadataID(record.metadataJSON) ?? file
            let c = family == .other ? geometry.stackingPeriod
                : geometry.stackingPeriod.flatMap { family.repeatC(stackingPeriod: $0) }
            entries.append(Entry(id: id, c: c, parent: name?.parent ?? id, family: family, geometry: geometry))
            byComposition[Self.key(structure.composition), default: []].append(entries.count - 1)
            if let cations = Self.cations(structure.composition) {
                byCations[cations.key, default: []].append((entries.count - 1, cations.oxygenPerCation))
            }
            if let formula = name?.formula, let composition = try? Composition(formula: formula) {
                byFileFormula[Self.key(composition), default: []].append(entries.count - 1)
            }
        }
    }

    /// A composition key: element fractions rounded to 1e-3.
    static func key(_ composition: Composition) -> String {
        composition.fractions.sorted { $0.key < $1.key }
            .map { "\($0.key)\(String(format: "%.3f", $0.value))" }.joined()
    }

    /// The key of the composition without oxygen, and oxygen per cation; nil without cations.
    static func cations(_ composition: Composition) -> (key: String, oxygenPerCation: Double)? {
        let amounts = composition.amounts
        let cations = amounts.filter { $0.key != "O" }
        let total = cations.values.reduce(0, +)
        guard total > 0, let withoutOxygen = try? Composition(symbolAmounts: cations) else { return nil }
        return (key(withoutOxygen), (amounts["O"] ?? 0) / total)
    }

    /// The formula and parent id of a 3DSC file name `FORMULA-MP-mp-1234[-synth_doped].cif`.
    static func threeDSCName(_ file: String) -> (formula: String, parent: String)? {
        let stem = file.hasSuffix(".cif") ? String(file.dropLast(4)) : file
        guard let marker = stem.range(of: "-MP-") else { return nil }
        let formula = String(stem[..<marker.lowerBound])
        let rest = stem[marker.upperBound...]
        let parent = rest.split(separator: "-").prefix(2).joined(separator: "-")
        guard !formula.isEmpty, !parent.isEmpty else { return nil }
        return (formula, parent)
    }

    /// The `id` of an observation's metadata JSON.
    static func metadataID(_ json: String?) -> String? {
        guard let data = json?.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["id"] as? String
    }
}
