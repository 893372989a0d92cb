import ArgumentParser
import CurateApp

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
        var request = PredictionRequest(model: model, data: data)
        (request.idColumn, request.inputColumn) = (idColumn, compositionColumn)
        try printPredictions(request, json: json)
    }
}
