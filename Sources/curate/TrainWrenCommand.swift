import ArgumentParser
import Crystal
import CurateIO
import Foundation
import Models

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

    @Option(name: .long, help: "Passes over the training data.")
    var epochs: Int

    @Option(name: .long, help: "Ensemble members W.")
    var ensemble = 1

    @Option(name: .long, help: "Output directory.")
    var out: String

    @Option(name: .long, help: "Seed of the split; member k uses seed + k.")
    var seed: UInt64 = 0

    @Option(name: .long, help: "Mini-batch size.")
    var batchSize = 128

    @Option(name: .long, help: "Share of rows held out for validation and checkpoint selection.")
    var valFraction = 0.1

    @Option(name: .long, help: "AdamW learning rate.")
    var learningRate: Float = 3e-4

    @Option(name: .long, help: "Element embedding: onehot or a JSON file (default: Matscholar beside the repository).")
    var embedding: String?

    @Flag(name: .long, help: "The tiny architecture for quick runs (same as --size tiny).")
    var tiny = false

    @Option(name: .long, help: "Architecture: paper (appendix A.3), small (paper depth, narrower) or tiny.")
    var size: String?

    @Option(name: .long, help: "Members trained at once, one per thread (default: one per core, up to --ensemble).")
    var parallel: Int?

    @Flag(name: .long, help: "Print a JSON summary instead of the text line.")
    var json = false

    @Option(name: .long, help: "Start from a trained Wren model directory (fine-tuning); its architecture and element embedding are kept.")
    var initFrom: String?

    func run() throws {
        let options = TrainingOptions(epochs: epochs, batchSize: batchSize, learningRate: learningRate,
                                      validationFraction: valFraction, seed: seed)
        if let problem = options.problem { throw ValidationError(problem) }
        guard ensemble >= 1 else { throw ValidationError("--ensemble must be at least 1") }
        let warm = try initFrom.map { path in try modelStep { () throws(ModelsError) in try WrenEnsemble.load(from: path) } }
        if warm != nil, size != nil || tiny || embedding != nil {
            throw ValidationError("--init-from keeps the starting model's architecture and embedding; drop --size/--tiny/--embedding")
        }
        let elements = try warm?.elements ?? resolveEmbedding(embedding)
        let input = try WrenTrainingInput.resolve(data: data, target: target, idColumn: idColumn,
                                                  protostructureColumn: protostructureColumn)
        let columns = input.columns
        var samples = try modelStep { () throws(ModelsError) in try WrenDataset.load(path: input.trainPath, columns: columns, elements: elements) }
        var releaseSplit: (train: [Int], validation: [Int])?
        if let validationPath = input.validationPath {
            let validation = try modelStep { () throws(ModelsError) in
                try WrenDataset.load(path: validationPath, columns: columns, elements: elements)
            }
            releaseSplit = (Array(0..<samples.count), Array(samples.count..<(samples.count + validation.count)))
            samples += validation
        }
        let wyckoffDimension = WyckoffEmbedding.standard.dimension
        if tiny, let size, size != "tiny" { throw ValidationError("--tiny contradicts --size \(size)") }
        let sizeName = warm == nil ? size ?? (tiny ? "tiny" : "paper") : "starting model's"
        let config: WrenConfig
        if let first = warm?.members.first {
            config = first.model.config
        } else {
            guard let named = WrenConfig.named(sizeName, elementEmbeddingDimension: elements.dimension,
                                               wyckoffEmbeddingDimension: wyckoffDimension) else {
                throw ValidationError("--size must be one of \(WrenConfig.sizeNames.joined(separator: ", ")), not \(sizeName)")
            }
            config = named
        }
        let parallel = self.parallel ?? max(1, min(ensemble, ProcessInfo.processInfo.activeProcessorCount))
        guard parallel >= 1 else { throw ValidationError("--parallel must be at least 1") }
        let metadata = TrainingMetadata(
            seed: seed, splitSeed: seed, batchSize: batchSize, learningRate: learningRate, weightDecay: options.weightDecay,
            validationFraction: valFraction, dataFile: input.description, dataSHA256: try? FileDigest.compute(path: input.digestPath).sha256,
            target: columns.target ?? "", initFrom: initFrom, toolVersion: CurateVersion.current)
        printError("training \(ensemble) Wren member\(ensemble == 1 ? "" : "s") on \(samples.count) rows of \(data) "
                   + "(\(elements.name) + \(wyckoffDimension)-d Wyckoff embedding, \(sizeName) model, \(parallel) at once)")
        let started = Date()
        let trained = try modelStep { () throws(ModelsError) in
            try WrenEnsemble.train(samples: samples, elements: elements, config: config, options: options, members: ensemble,
                                   initFrom: warm.flatMap { w in initFrom.map { (w, $0) } }, metadata: metadata,
                                   split: releaseSplit, parallelism: parallel, progress: { member, record in
                var line = "member \(member + 1)/\(ensemble) epoch \(record.epoch)/\(epochs): "
                    + "train loss \(format(record.trainLoss)) MAE \(format(record.trainMAE))"
                if let loss = record.validationLoss, let mae = record.validationMAE {
                    line += ", val loss \(format(loss)) MAE \(format(mae))"
                }
                printError(line + String(format: " (%.1fs)", record.seconds))
            })
        }
        try modelStep { () throws(ModelsError) in try trained.save(to: out, toolVersion: CurateVersion.current) }
        let seconds = Date().timeIntervalSince(started)
        let trainRows = releaseSplit?.train.count ?? trained.members.first?.metadata.trainSamples ?? 0
        let perMember = trained.members.flatMap(\.history).map { Double(trainRows) / max($0.trainingSeconds, 1e-9) }
        let summary = TrainSummary(
            out: out, rows: samples.count, members: trained.members.count, embedding: elements.name,
            bestValidationMAE: trained.members.map(\.metadata.bestValidationMAE), bestEpoch: trained.members.map(\.metadata.bestEpoch),
            seconds: seconds, samplesPerSecond: perMember.isEmpty ? 0 : perMember.reduce(0, +) / Double(perMember.count),
            ensembleSamplesPerSecond: Double(trainRows * epochs * ensemble) / max(seconds, 1e-9), parallel: parallel)
        if json {
            try printJSON(summary)
        } else {
            let maes = trained.members.map { $0.metadata.bestValidationMAE.map(format) ?? "-" }
            print("saved \(trained.members.count) Wren member\(trained.members.count == 1 ? "" : "s") to \(out) "
                  + "(best val MAE \(maes.joined(separator: ", ")); " + String(format: "%.1f s)", seconds))
        }
    }
}
