import ArgumentParser
import CurateApp

/// `curate train reaction`: a deep ensemble of reaction-graph models on a reaction release.
struct TrainReactionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reaction",
        abstract: "Train a reaction-graph deep ensemble on a reaction release; writes OUT/ensemble.json, OUT/action-encoder.safetensors and OUT/member-k/…",
        discussion: """
            Trains on the release's train split (10 % of it held out for checkpoint selection). The \
            action autoencoder is pretrained once on the training action sequences and shared by the \
            members. Per-epoch losses go to OUT/member-k/log.csv; progress to standard error.
            """)

    @Option(name: .long, help: "Reaction release directory (curate release) or a records.jsonl file.")
    var data: String

    @OptionGroup var training: TrainRunOptions

    @Option(name: .long, help: "Action autoencoder pretraining epochs.")
    var encoderEpochs = 10

    @Option(name: .long, help: "Use only the first N training reactions (quick runs and timing).")
    var limit: Int?

    @Flag(name: .long, help: "A small architecture for quick runs.")
    var tiny = false

    func run() throws {
        var request = training.request(data: data, defaultEnsemble: 5)
        (request.encoderEpochs, request.limit, request.size) = (encoderEpochs, limit, tiny ? "tiny" : nil)
        try runTraining(json: training.json) { observer throws(ModelWorkflowError) in try ModelTraining.reaction(request, observer: observer) }
    }
}
