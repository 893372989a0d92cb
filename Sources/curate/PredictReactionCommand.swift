import ArgumentParser
import CurateApp

/// `curate predict reaction --model DIR --data RELEASE`: target compositions of reactions from a
/// reaction-model ensemble, with uncertainty, reaction embedding and (for labelled rows) errors.
struct PredictReactionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reaction",
        abstract: "Predict reaction targets with a saved reaction-graph ensemble; scores labelled rows against the null baseline.",
        discussion: """
            --json prints one object per reaction: id, composition, doi, split, precursors, actions, \
            predicted and observed fractions by element, l1, elemd, uncertainty (√trace of the members' \
            covariance) and embedding (the ensemble-mean reaction embedding). Metrics go to standard \
            error (and to --metrics as JSON).
            """)

    @Option(name: .long, help: "Model directory written by `curate train reaction`.")
    var model: String

    @Option(name: .long, help: "Reaction release directory (curate release) or a records.jsonl file.")
    var data: String

    @Option(name: .long, help: "Which rows: test, train or all.")
    var split = "test"

    @Option(name: .long, help: "Write the model and null-baseline metrics and the confidence curve here as JSON.")
    var metrics: String?

    @Flag(name: .long, help: "Print one JSON object per reaction.")
    var json = false

    func run() throws {
        var request = PredictionRequest(model: model, data: data)
        request.split = split
        try printPredictions(request, json: json, metricsFile: metrics)
    }
}
