import ArgumentParser
import Foundation
import Models

/// `curate predict-wren --model DIR --data CSV`: Wren ensemble predictions from protostructure
/// labels alone.
struct PredictWrenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict-wren",
        abstract: "Predict with a saved Wren ensemble from protostructure labels: mean and std parts per row.")

    @Option(name: .long, help: "Model directory written by `curate train wren`.")
    var model: String

    @Option(name: .long, help: "CSV with a protostructure-label column.")
    var data: String

    @Option(name: .long, help: "The identifier column (default id; line numbers when absent).")
    var idColumn = "id"

    @Option(name: .long, help: "The protostructure-label column.")
    var protostructureColumn = "protostructure"

    @Flag(name: .long, help: "Print one JSON object per row.")
    var json = false

    func run() throws {
        let ensemble = try modelStep { () throws(ModelsError) in try WrenEnsemble.load(from: model) }
        let columns = WrenDataset.Columns(id: idColumn, protostructure: protostructureColumn, target: nil)
        let samples = try modelStep { () throws(ModelsError) in
            try WrenDataset.load(path: data, columns: columns, elements: ensemble.elements)
        }
        let predictions = try modelStep { () throws(ModelsError) in try ensemble.predict(samples.map(\.protostructure)) }
        if !json { print("id\tprotostructure\tmean\tepistemic_std\taleatoric_std\ttotal_std") }
        for (sample, p) in zip(samples, predictions) {
            if json {
                try printJSON(WrenPredictionRow(id: sample.id, protostructure: sample.label, prediction: p))
            } else {
                print([sample.id, sample.label, format(p.mean), format(p.epistemicStandardDeviation),
                       format(p.aleatoricStandardDeviation), format(p.totalStandardDeviation)].joined(separator: "\t"))
            }
        }
    }
}

/// One `--json` line of `curate predict-wren`.
struct WrenPredictionRow: Encodable {
    let id: String
    let protostructure: String
    let prediction: EnsemblePrediction

    enum CodingKeys: String, CodingKey { case id, protostructure }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(protostructure, forKey: .protostructure)
        try prediction.encode(to: encoder)
    }
}
