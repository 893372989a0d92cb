import ArgumentParser
import CurateApp

/// `curate train wren`: a deep ensemble of Wren models on a CSV of protostructure labels, or on
/// a `wyckoff` release (its `exports/wren` train split for training, validation split for
/// checkpoint selection).
struct TrainWrenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wren",
        abstract: "Train a Wren deep ensemble on protostructure labels; writes OUT/ensemble.json and OUT/member-k/…")

    @Option(name: .long, help: "CSV with a protostructure-label column and a target column, or a wyckoff release directory (curate release).")
    var data: String

    @Option(name: .long, help: "The target column (default for a release: its target property).")
    var target: String?

    @Option(name: .long, help: "The identifier column (default id; line numbers when absent).")
    var idColumn = "id"

    @Option(name: .long, help: "The protostructure-label column (aviary format, e.g. AB2_oP6_58_a_g:Mg-O).")
    var protostructureColumn = "protostructure"

    @OptionGroup var training: TrainRunOptions

    @Option(name: .long, help: "Element embedding: onehot or a JSON file (default: $CURATE_DATA/embeddings/element/matscholar200.json).")
    var embedding: String?

    @Flag(name: .long, help: "The tiny architecture for quick runs (same as --size tiny).")
    var tiny = false

    @Option(name: .long, help: "Architecture: paper (appendix A.3), small (paper depth, narrower) or tiny.")
    var size: String?

    @Option(name: .long, help: "Start from a trained Wren model directory (fine-tuning); its architecture and element embedding are kept.")
    var initFrom: String?

    func run() throws {
        if tiny, let size, size != "tiny" { throw ValidationError("--tiny contradicts --size \(size)") }
        var request = training.request(data: data)
        (request.target, request.idColumn, request.inputColumn) = (target, idColumn, protostructureColumn)
        (request.embedding, request.initFrom, request.size) = (embedding, initFrom, size ?? (tiny ? "tiny" : nil))
        try runTraining(json: training.json) { observer throws(ModelWorkflowError) in try ModelTraining.wren(request, observer: observer) }
    }
}
