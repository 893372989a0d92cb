import CurateApp
import Foundation
import Models

/// Runs `curate predict` for any model and prints its rows (tab-separated, or one JSON object
/// per row); a reaction model's metrics go to standard error and to `metricsFile`.
func printPredictions(_ request: PredictionRequest, json: Bool, metricsFile: String? = nil) throws {
    let result = try withStageProgress("predict", json: json) { progress in
        try workflowStep { () throws(ModelWorkflowError) in try ModelPrediction.predict(request, progress: progress) }
    }
    switch result {
    case .regression(let rows):
        if !json { print("id\t\(rows.first?.inputName ?? "input")\tmean\tepistemic_std\taleatoric_std\ttotal_std") }
        for row in rows {
            if json { try printJSON(row); continue }
            let p = row.prediction
            print([row.id, row.input, format(p.mean), format(p.epistemicStandardDeviation),
                   format(p.aleatoricStandardDeviation), format(p.totalStandardDeviation)].joined(separator: "\t"))
        }
    case .reaction(let predictions, let evaluation):
        // Element symbols are dictionary keys: encode without the shared snake_case key strategy.
        let lineEncoder = JSONEncoder()
        lineEncoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if !json { print("id\tcomposition\tpredicted\tl1\telemd\tuncertainty") }
        for p in predictions {
            if json { print(String(decoding: try lineEncoder.encode(p), as: UTF8.self)); continue }
            let formula = p.predicted.sorted { $0.key < $1.key }.map { "\($0.key)\(format($0.value))" }.joined(separator: " ")
            print([p.id, p.composition, formula, p.l1.map(format) ?? "", p.elemd.map(format) ?? "", format(p.uncertainty)]
                .joined(separator: "\t"))
        }
        guard let evaluation else { return }
        printReactionEvaluation(evaluation, split: request.split ?? "test")
        if let metricsFile { try writeMetrics(evaluation, to: metricsFile) }
    }
}

/// The model's and the null baseline's metrics and the confidence curve, on standard error.
func printReactionEvaluation(_ evaluation: ReactionEvaluation, split: String) {
    for (label, m) in [("model", evaluation.model), ("null baseline", evaluation.nullBaseline)] {
        printError(String(format: "%@ on %d %@ reactions: subset accuracy %.3f, weighted F1 %.3f, L1 %.3f, L2 %.3f, EleMD %.3f, R² %.3f",
                          label, m.count, split, m.subsetAccuracy, m.weightedF1, m.meanL1, m.meanL2, m.meanEleMD, m.r2))
    }
    printError("confidence curve (removed share: mean L1): "
               + evaluation.confidenceCurve.map { String(format: "%.0f%%: %.3f", $0.removed * 100, $0.meanL1) }.joined(separator: ", "))
}

/// Writes `evaluation` as pretty JSON (non-finite numbers as strings).
func writeMetrics(_ evaluation: ReactionEvaluation, to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    do { try encoder.encode(evaluation).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
        throw CommandFailure("cannot write --metrics \(path): \(error.localizedDescription)")
    }
}
