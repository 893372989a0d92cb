import ArgumentParser
import Foundation
import Models

/// `curate evaluate --model DIR --data CSV --target COL`: accuracy and the confidence–error curve.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a saved Roost ensemble on labelled data: MAE, RMSE, R² and the confidence–error curve.")

    @Option(name: .long, help: "Model directory written by `curate train roost`.")
    var model: String

    @OptionGroup var dataset: LabelledDataOptions

    @Option(name: .long, help: "Split of a release to score.")
    var split = "test"

    @Flag(name: .long, help: "Print a JSON object.")
    var json = false

    func run() throws {
        let ensemble = try modelStep { () throws(ModelsError) in try RoostEnsemble.load(from: model) }
        let columns = try dataset.columns()
        let path = try dataset.file(split: split)
        let samples = try modelStep { () throws(ModelsError) in
            try RoostDataset.load(path: path, columns: columns, embedding: ensemble.embedding)
        }
        let predictions = try modelStep { () throws(ModelsError) in try ensemble.predict(samples) }
        let metrics = RegressionMetrics(predictions: predictions.map(\.mean), targets: samples.compactMap(\.target),
                                        uncertainties: predictions.map(\.totalStandardDeviation))
        if json {
            try printJSON(metrics)
            return
        }
        print("\(metrics.count) rows: MAE \(format(metrics.mae)), RMSE \(format(metrics.rmse)), R² \(metrics.r2.map(format) ?? "-")")
        print("dropped %\tkept\tMAE (by uncertainty)\tMAE (by error)")
        for point in metrics.confidenceCurve {
            print("\(point.droppedPercent)\t\(point.count)\t\(format(point.mae))\t\(format(point.oracleMAE))")
        }
    }
}
