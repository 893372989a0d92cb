import ArgumentParser
import Foundation
import Models

/// `curate predict [roost] --model DIR --data CSV`: Roost ensemble predictions with uncertainties.
struct PredictRoostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roost",
        abstract: "Predict with a saved Roost ensemble: mean, epistemic, aleatoric and total std per row.")

    @Option(name: .long, help: "Model directory written by `curate train roost`.")
    var model: String

    @Option(name: .long, help: "CSV with a composition column.")
    var data: String

    @Option(name: .long, help: "The identifier column (default id; line numbers when absent).")
    var idColumn = "id"

    @Option(name: .long, help: "The composition column.")
    var compositionColumn = "composition"

    @Flag(name: .long, help: "Print one JSON object per row.")
    var json = false

    func run() throws {
        let ensemble = try modelStep { () throws(ModelsError) in try RoostEnsemble.load(from: model) }
        let columns = RoostDataset.Columns(id: idColumn, composition: compositionColumn, target: nil)
        let samples = try modelStep { () throws(ModelsError) in
            try RoostDataset.load(path: data, columns: columns, embedding: ensemble.embedding)
        }
        let predictions = try modelStep { () throws(ModelsError) in try ensemble.predict(samples) }
        if !json { print("id\tcomposition\tmean\tepistemic_std\taleatoric_std\ttotal_std") }
        for (sample, p) in zip(samples, predictions) {
            if json {
                try printJSON(PredictionRow(id: sample.id, composition: sample.formula, prediction: p))
            } else {
                print([sample.id, sample.formula, format(p.mean), format(p.epistemicStandardDeviation),
                       format(p.aleatoricStandardDeviation), format(p.totalStandardDeviation)].joined(separator: "\t"))
            }
        }
    }
}

/// One `--json` line of `curate predict roost`.
struct PredictionRow: Encodable {
    let id: String
    let composition: String
    let prediction: EnsemblePrediction

    enum CodingKeys: String, CodingKey { case id, composition }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(composition, forKey: .composition)
        try prediction.encode(to: encoder)
    }
}
