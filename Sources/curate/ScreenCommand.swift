import ArgumentParser
import Discovery
import Foundation
import Models

/// `curate screen --model WREN_DIR --candidates CSV`: hull-aware screening of protostructure
/// candidates with a Wren ensemble.
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Screen protostructure candidates: Wren formation energy → energy above the known hull → triage (and metrics when truths are given).",
        discussion: """
            CANDIDATES: CSV id,protostructure (extra columns ignored), optionally with the truth as e_above_hull or \
            formation_energy_per_atom. The known hull is built from --hull-from (CSV composition,formation_energy_per_atom, \
            e.g. ../shared/data/mp/roost-mp-formation.csv), restricted to the candidates' chemical systems and subsystems. \
            A candidate is selected when ΔE_hull,pred < --threshold, or ΔE_hull,pred + σ < --threshold with --uncertainty-adjusted \
            (σ: the ensemble's total standard deviation).
            """)

    @Option(name: .long, help: "Wren model directory (curate train wren).")
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
        let ensemble = try modelStep { () throws(ModelsError) in try WrenEnsemble.load(from: model) }
        let rule = TriageRule(threshold: threshold, uncertaintyAdjusted: uncertaintyAdjusted)
        let report = try discoveryStep { () throws(ScreeningError) in
            let rows = try ScreeningCandidateTable.load(path: candidates)
            let predictions = try ScreeningWorkflow.predict(rows, with: ensemble, path: candidates)
            let references = try ReferenceTable.load(path: hullFrom)
            return try ScreeningWorkflow.run(candidates: rows, predictions: predictions, references: references, rule: rule)
        }
        let summary = ScreenSummary(report: report)
        if json {
            for row in report.rows { try printJSON(row) }
            try printJSON(summary)
            return
        }
        print("id\tprotostructure\tcomposition\tpred_e_form\tstd\thull_energy\tpred_e_above_hull\tselected\ttrue_e_above_hull")
        for row in report.rows {
            print([row.id, row.protostructure, row.composition, format(row.predictedFormationEnergy), format(row.standardDeviation),
                   format(row.hullEnergy), format(row.predictedEnergyAboveHull), row.selected ? "yes" : "no",
                   row.trueEnergyAboveHull.map(format) ?? ""].joined(separator: "\t"))
        }
        print("screened \(summary.candidates): \(summary.selected) selected (\(format(summary.selectedShare))); "
              + "\(summary.predictedBelowHull) predicted below the known hull; \(report.referenceCount) references")
        if let m = report.metrics {
            func show(_ value: Double?) -> String { value.map(format) ?? "undefined" }
            print("TP \(m.truePositives) FP \(m.falsePositives) TN \(m.trueNegatives) FN \(m.falseNegatives); precision \(show(m.precision)) "
                  + "recall \(show(m.recall)) prevalence \(show(m.prevalence)) enrichment \(show(m.enrichment)) F1 \(show(m.f1)) accuracy \(show(m.accuracy))")
        }
    }
}

/// The summary line of `curate screen --json`.
struct ScreenSummary: Encodable {
    let candidates: Int
    let selected: Int
    let selectedShare: Double
    let predictedBelowHull: Int
    let rule: TriageRule
    let references: Int
    let implicitReferences: [String]
    let metrics: ScreeningMetrics?
    let rollingError: RollingError?

    init(report: ScreeningReport) {
        candidates = report.rows.count
        selected = report.rows.filter(\.selected).count
        selectedShare = report.selectedShare
        predictedBelowHull = report.rows.filter { $0.predictedEnergyAboveHull < 0 }.count
        rule = report.rule
        references = report.referenceCount
        implicitReferences = report.implicitReferences
        metrics = report.metrics
        rollingError = report.rollingError
    }

    enum CodingKeys: String, CodingKey {
        case candidates, selected, rule, references, metrics
        case selectedShare = "selected_share"
        case predictedBelowHull = "predicted_below_hull"
        case implicitReferences = "implicit_references"
        case rollingError = "rolling_mae"
    }
}

/// Runs a Discovery step, turning its error into a one-line failure.
func discoveryStep<T>(_ body: () throws(ScreeningError) -> T) throws -> T {
    do { return try body() } catch { throw CommandFailure(error.description) }
}
