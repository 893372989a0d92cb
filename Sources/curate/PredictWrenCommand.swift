import ArgumentParser
import CurateApp

/// `curate predict wren` (also `curate predict-wren`) `--model DIR --data CSV`: Wren ensemble
/// predictions from protostructure labels alone.
struct PredictWrenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict-wren",
        abstract: "Predict with a saved Wren ensemble from protostructure labels: mean and std parts per row.",
        aliases: ["wren"])

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
        var request = PredictionRequest(model: model, data: data)
        (request.idColumn, request.inputColumn) = (idColumn, protostructureColumn)
        try printPredictions(request, json: json)
    }
}
