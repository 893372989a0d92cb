import CurateIO
import PhaseStability
import Store

/// Turns a `PatchedHull` over a `StoreHullSelection` into the derived values and provenance of
/// one store hull run (`CurateStore.recordHullRun`).
public enum StoreHullRun {
    /// The method identifier recorded with every run.
    public static let method = "patched-lp/1"

    /// The run draft: per observation `e_above_hull` (with its decomposition JSON) and
    /// `phase_separation_energy`, both in eV/atom.
    public static func draft(selection: StoreHullSelection, hull: PatchedHull, sources: [String], property: String,
                             chemsys: String?, toolVersion: String) -> HullRunDraft {
        var values: [HullDerivedValue] = []
        values.reserveCapacity(2 * hull.results.count)
        for (observationId, result) in zip(selection.observationIds, hull.results) {
            values.append(HullDerivedValue(observationId: observationId, quantity: "e_above_hull", value: result.energyAboveHull,
                                           unit: "eV/atom", stable: result.isStable,
                                           decompositionJSON: decompositionJSON(result.decompositionByFormula)))
            values.append(HullDerivedValue(observationId: observationId, quantity: "phase_separation_energy",
                                           value: result.phaseSeparationEnergy, unit: "eV/atom", stable: result.isStable,
                                           decompositionJSON: nil))
        }
        return HullRunDraft(sources: sources.isEmpty ? "*" : sources.sorted().joined(separator: ","), property: property,
                            correction: selection.correction, chemsysFilter: chemsys, method: method,
                            entriesSHA256: selection.entriesSHA256, entryCount: selection.entries.count,
                            systemCount: hull.systemCount, stableCount: hull.results.filter(\.isStable).count,
                            implicitReferences: hull.implicitReferences.joined(separator: ","), toolVersion: toolVersion,
                            values: values)
    }

    /// `{"Fe2O3":0.5,"Li2O":0.5}`: keys sorted, numbers in Swift's shortest round-trip form.
    public static func decompositionJSON(_ decomposition: [String: Double]) -> String {
        let items = decomposition.keys.sorted().map { key in "\(JSONText.quote(key)):\(decomposition[key] ?? 0)" }
        return "{" + items.joined(separator: ",") + "}"
    }
}
