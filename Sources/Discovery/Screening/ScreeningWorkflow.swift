import Chemistry
import Models
import PhaseStability

/// One screened candidate: the model's formation energy, its distance to the known hull and
/// the triage decision.
public struct ScreenedCandidate: Sendable, Hashable, Codable {
    /// Identifier.
    public let id: String
    /// Protostructure label.
    public let protostructure: String
    /// Reduced formula.
    public let composition: String
    /// Predicted formation energy per atom (eV/atom, ensemble mean).
    public let predictedFormationEnergy: Double
    /// Predictive standard deviation (eV/atom, total: epistemic and aleatoric).
    public let standardDeviation: Double
    /// Energy of the known hull at the composition (eV/atom).
    public let hullEnergy: Double
    /// ΔÊ_hull,pred = predicted formation energy − hull energy.
    public let predictedEnergyAboveHull: Double
    /// Whether the triage rule selects the candidate.
    public let selected: Bool
    /// True ΔE_hull when the input gave it (directly or as a formation energy).
    public let trueEnergyAboveHull: Double?

    enum CodingKeys: String, CodingKey {
        case id, protostructure, composition, selected
        case predictedFormationEnergy = "predicted_formation_energy_per_atom"
        case standardDeviation = "std"
        case hullEnergy = "hull_energy_per_atom"
        case predictedEnergyAboveHull = "predicted_e_above_hull"
        case trueEnergyAboveHull = "true_e_above_hull"
    }
}

/// The outcome of `ScreeningWorkflow.run`.
public struct ScreeningReport: Sendable {
    /// One row per candidate, in input order.
    public let rows: [ScreenedCandidate]
    /// The rule applied.
    public let rule: TriageRule
    /// Metrics, when every candidate has a true distance.
    public let metrics: ScreeningMetrics?
    /// Rolling MAE of the predicted distance against the true one, when truths are known.
    public let rollingError: RollingError?
    /// References in the candidates' systems.
    public let referenceCount: Int
    /// Elements without an elemental reference (implicit reference at 0).
    public let implicitReferences: [String]

    /// Share of candidates selected.
    public var selectedShare: Double { rows.isEmpty ? 0 : Double(rows.filter(\.selected).count) / Double(rows.count) }
}

/// Hull-aware screening (SCIENCE.md §5): predicted formation energy → predicted energy above
/// the known hull → triage, and the discovery metrics when the truth is known.
public enum ScreeningWorkflow {
    /// Screens `candidates` given their predictions against the hull of `references`.
    public static func run(candidates: [ScreeningCandidate], predictions: [(mean: Double, std: Double)],
                           references: [FormationEntry], rule: TriageRule) throws(ScreeningError) -> ScreeningReport {
        precondition(candidates.count == predictions.count, "one prediction per candidate")
        let hull = try KnownHullDistance(references: references, compositions: candidates.map(\.composition))
        var rows: [ScreenedCandidate] = []
        for (index, (candidate, prediction)) in zip(candidates, predictions).enumerated() {
            let predicted = hull.distance(formationEnergyPerAtom: prediction.mean, at: index)
            let truth = candidate.trueEnergyAboveHull ?? candidate.trueFormationEnergy.map { hull.distance(formationEnergyPerAtom: $0, at: index) }
            rows.append(ScreenedCandidate(
                id: candidate.id, protostructure: candidate.protostructure, composition: candidate.composition.reducedFormula,
                predictedFormationEnergy: prediction.mean, standardDeviation: prediction.std, hullEnergy: hull.hullEnergies[index],
                predictedEnergyAboveHull: predicted, selected: rule.selects(predicted: predicted, standardDeviation: prediction.std),
                trueEnergyAboveHull: truth))
        }
        var metrics: ScreeningMetrics?
        var rolling: RollingError?
        if !rows.isEmpty, rows.allSatisfy({ $0.trueEnergyAboveHull != nil }) {
            let samples = rows.map {
                ScreeningSample(id: $0.id, trueEnergyAboveHull: $0.trueEnergyAboveHull ?? 0,
                                predictedEnergyAboveHull: $0.predictedEnergyAboveHull, standardDeviation: $0.standardDeviation)
            }
            metrics = ScreeningMetrics(samples: samples, rule: rule)
            rolling = try RollingError(samples: samples)
        }
        return ScreeningReport(rows: rows, rule: rule, metrics: metrics, rollingError: rolling,
                               referenceCount: hull.referenceCount, implicitReferences: hull.implicitReferences)
    }
}
