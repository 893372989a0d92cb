import Discovery
import Models

/// `curate screen`: hull-aware screening of protostructure candidates with a Wren or Roost ensemble.
public enum ScreenWorkflow {
    /// The summary line of `curate screen --json`.
    public struct Summary: Sendable, Codable {
        /// The model that predicted the energies (`wren` or `roost`).
        public let model: String
        public let candidates: Int
        public let selected: Int
        public let selectedShare: Double
        public let predictedBelowHull: Int
        public let rule: TriageRule
        public let references: Int
        public let implicitReferences: [String]
        public let metrics: ScreeningMetrics?
        public let rollingError: RollingError?

        init(report: ScreeningReport, model: String) {
            self.model = model
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
            case model, candidates, selected, rule, references, metrics
            case selectedShare = "selected_share"
            case predictedBelowHull = "predicted_below_hull"
            case implicitReferences = "implicit_references"
            case rollingError = "rolling_mae"
        }
    }

    /// Every screened candidate, in input order, and the summary.
    public struct Result: Sendable {
        public let rows: [ScreenedCandidate]
        public let summary: Summary
    }

    /// Predicts the formation energy of every candidate in `candidates` (CSV id,protostructure[,truth])
    /// with the ensemble at `model` (Wren reads the label, Roost the composition alone), places it
    /// against the hull of `hullFrom` (CSV composition, formation_energy_per_atom) and selects it
    /// when ΔE_hull,pred (+ σ when `uncertaintyAdjusted`) lies below `threshold` (eV/atom).
    public static func screen(model: String, candidates: String, hullFrom: String, threshold: Double = 0,
                              uncertaintyAdjusted: Bool = false) throws -> Result {
        let rule = TriageRule(threshold: threshold, uncertaintyAdjusted: uncertaintyAdjusted)
        let energyModel = try step { try ScreeningModel.at(model) }
        let report = try step {
            let rows = try ScreeningCandidateTable.load(path: candidates)
            let predictions = try energyModel.predict(rows, candidates, model)
            let references = try ReferenceTable.load(path: hullFrom)
            return try ScreeningWorkflow.run(candidates: rows, predictions: predictions, references: references, rule: rule)
        }
        return Result(rows: report.rows, summary: Summary(report: report, model: energyModel.name))
    }
}
