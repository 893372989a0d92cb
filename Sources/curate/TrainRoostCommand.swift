import ArgumentParser
import CurateApp

/// `curate train roost`: a deep ensemble of Roost models on a composition–property CSV or a
/// release (its train split for training, its validation split for checkpoint selection).
struct TrainRoostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roost",
        abstract: "Train a Roost deep ensemble; writes OUT/ensemble.json and OUT/member-k/{weights.safetensors,config.json,log.csv}.")

    @OptionGroup var dataset: LabelledDataOptions
    @OptionGroup var training: TrainRunOptions

    @Option(name: .long, help: "Element embedding: onehot or a JSON file (default: $CURATE_DATA/embeddings/element/matscholar200.json, CURATE_DATA defaulting to ../shared/data).")
    var embedding: String?

    @Option(name: .long, help: "Warm-start every member from a saved model directory.")
    var initFrom: String?

    @Flag(name: .long, help: "A small architecture for quick runs.")
    var tiny = false

    @Option(name: .long, help: "How element fractions enter the attention: learned (aviary's learnable power per head, the default) or fixed (the thesis' weights to the power 1). Ignored with --init-from (the model's own).")
    var attentionPower = "learned"

    func run() throws {
        var request = training.request(data: dataset.data)
        (request.target, request.idColumn, request.inputColumn) = (dataset.target, dataset.idColumn, dataset.compositionColumn)
        (request.embedding, request.initFrom, request.size) = (embedding, initFrom, tiny ? "tiny" : nil)
        request.attentionPower = attentionPower
        try runTraining(json: training.json) { observer throws(ModelWorkflowError) in try ModelTraining.roost(request, observer: observer) }
    }
}

/// `--data`, `--target`, `--id-column`, `--composition-column`: a labelled composition CSV, or a
/// release directory written by `curate release` (its Roost exports and target are used).
struct LabelledDataOptions: ParsableArguments {
    @Option(name: .long, help: "CSV with a composition column and a target column, or a release directory (curate release).")
    var data: String

    @Option(name: .long, help: "The target column (default for a release: its target property).")
    var target: String?

    @Option(name: .long, help: "The identifier column (default id; line numbers when absent).")
    var idColumn = "id"

    @Option(name: .long, help: "The composition column.")
    var compositionColumn = "composition"
}
