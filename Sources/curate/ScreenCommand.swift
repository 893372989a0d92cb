import ArgumentParser
import CurateApp
import Foundation

/// `curate screen --model MODEL_DIR --candidates CSV`: hull-aware screening of protostructure
/// candidates with a Wren or Roost ensemble.
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Screen protostructure candidates: Wren (or Roost) formation energy → energy above the known hull → triage (and metrics when truths are given).",
        discussion: """
            CANDIDATES: CSV id,protostructure (extra columns ignored), optionally with the truth as e_above_hull or \
            formation_energy_per_atom. The known hull is built from --hull-from (CSV composition,formation_energy_per_atom, \
            e.g. ../shared/data/mp/roost-mp-formation.csv), restricted to the candidates' chemical systems and subsystems. \
            A candidate is selected when ΔE_hull,pred < --threshold, or ΔE_hull,pred + σ < --threshold with --uncertainty-adjusted \
            (σ: the ensemble's total standard deviation). A Wren model reads the protostructure label; a Roost model reads \
            only the composition, so it gives every polymorph of a composition the same energy (the composition-only baseline).
            """)

    @Option(name: .long, help: "Wren or Roost model directory (curate train wren|roost).")
    var model: String

    @Option(name: .long, help: "Candidates CSV (id,protostructure[,e_above_hull|formation_energy_per_atom]).")
    var candidates: String

    @Option(name: .long, help: "Known formation energies: CSV with composition and formation_energy_per_atom columns.")
    var hullFrom = "../shared/data/mp/roost-mp-formation.csv"

    @Option(name: .long, help: "Stability threshold on the energy above the known hull (eV/atom).")
    var threshold = 0.0

    @Flag(name: .long, help: "Select on ΔE_hull,pred + σ instead of ΔE_hull,pred.")
    var uncertaintyAdjusted = false

    @Flag(name: .long, help: "Print JSON lines: one per candidate, then a summary.")
    var json = false

    func run() throws {
        let result = try ScreenWorkflow.screen(model: model, candidates: candidates, hullFrom: hullFrom, threshold: threshold,
                                               uncertaintyAdjusted: uncertaintyAdjusted)
        let summary = result.summary
        if json {
            for row in result.rows { try printJSON(row) }
            return try printJSON(summary)
        }
        print("id\tprotostructure\tcomposition\tpred_e_form\tstd\thull_energy\tpred_e_above_hull\tselected\ttrue_e_above_hull")
        for row in result.rows {
            print([row.id, row.protostructure, row.composition, number(row.predictedFormationEnergy), number(row.standardDeviation),
                   number(row.hullEnergy), number(row.predictedEnergyAboveHull), row.selected ? "yes" : "no",
                   row.trueEnergyAboveHull.map(number) ?? ""].joined(separator: "\t"))
        }
        print("screened \(summary.candidates) with \(summary.model): \(summary.selected) selected (\(number(summary.selectedShare))); "
              + "\(summary.predictedBelowHull) predicted below the known hull; \(summary.references) references")
        if let m = summary.metrics {
            func show(_ value: Double?) -> String { value.map(number) ?? "undefined" }
            print("TP \(m.truePositives) FP \(m.falsePositives) TN \(m.trueNegatives) FN \(m.falseNegatives); precision \(show(m.precision)) "
                  + "recall \(show(m.recall)) prevalence \(show(m.prevalence)) enrichment \(show(m.enrichment)) F1 \(show(m.f1)) accuracy \(show(m.accuracy))")
        }
    }
}

/// A number as `%.4g`, for the tables of screen and candidates.
func number(_ value: Double) -> String { String(format: "%.4g", value) }
