import ArgumentParser
import CurateApp

/// `curate evaluate --model DIR --data CSV|RELEASE`: accuracy of any saved model on labelled data.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a saved model on labelled data: MAE, RMSE, R² and the confidence–error curve (Roost, Wren), or the reaction metrics against the null baseline.")

    @Option(name: .long, help: "Model directory written by `curate train MODEL`.")
    var model: String

    @OptionGroup var dataset: LabelledDataOptions

    @Option(name: .long, help: "The input column of a CSV (default: composition for Roost, protostructure for Wren).")
    var inputColumn: String?

    @Option(name: .long, help: "Split of a release to score.")
    var split = "test"

    @Flag(name: .long, help: "Print a JSON object.")
    var json = false

    func run() throws {
        var request = PredictionRequest(model: model, data: dataset.data)
        (request.target, request.idColumn, request.split) = (dataset.target, dataset.idColumn, split)
        request.inputColumn = inputColumn ?? (dataset.compositionColumn == "composition" ? nil : dataset.compositionColumn)
        let result = try workflowStep { () throws(ModelWorkflowError) in try ModelPrediction.evaluate(request) }
        if json { return try printJSON(result) }
        switch result {
        case .regression(let metrics):
            print("\(metrics.count) rows: MAE \(format(metrics.mae)), RMSE \(format(metrics.rmse)), R² \(metrics.r2.map(format) ?? "-")")
            print("dropped %\tkept\tMAE (by uncertainty)\tMAE (by error)")
            for point in metrics.confidenceCurve {
                print("\(point.droppedPercent)\t\(point.count)\t\(format(point.mae))\t\(format(point.oracleMAE))")
            }
        case .reaction(let evaluation):
            printReactionEvaluation(evaluation, split: split)
        }
    }
}
