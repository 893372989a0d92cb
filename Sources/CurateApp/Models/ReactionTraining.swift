import Ingest
import Models
import CurateIO

extension ModelTraining {
    /// `curate train reaction`: a reaction-graph ensemble on a reaction release's train split.
    public static func reaction(_ request: TrainingRequest, observer: TrainingObserver = TrainingObserver()) throws(ModelWorkflowError) -> TrainingSummary {
        let options = try options(request, learningRate: request.learningRate ?? 1e-3)
        guard request.encoderEpochs >= 0 else { throw ModelWorkflowError("--encoder-epochs must not be negative") }
        if request.initFrom != nil { throw ModelWorkflowError("--init-from is not supported for the reaction model") }
        var samples = try modelStep { () throws(ModelsError) in try ReactionDataset.load(path: request.data, split: "train") }
        if let limit = request.limit {
            guard limit >= 2 else { throw ModelWorkflowError("--limit must be at least 2") }
            samples = Array(samples.prefix(limit))
        }
        let pretraining = ActionPretraining(epochs: request.encoderEpochs)
        let config: ReactionConfig
        switch request.size ?? "paper" {
        case "paper": config = ReactionConfig(actionDimension: pretraining.config.hidden)
        case "tiny": config = .tiny(actionDimension: pretraining.config.hidden)
        case let other: throw ModelWorkflowError("--size must be paper or tiny for the reaction model, not \(other)")
        }
        let metadata = metadata(request, options: options, dataFile: request.data,
                                sha256: try? FileDigest.compute(path: ReactionDataset.recordsFile(request.data)).sha256,
                                target: "target_fractions")
        let split = DataSplit.split(count: samples.count, validationFraction: options.validationFraction, seed: options.seed)
        return try run(ReactionModel.self, request: request, rows: samples.count, trainRows: split.train.count, embeddingName: nil,
                       observer: observer) { plan, parallel, progress, _ throws(ModelsError) in
            try ReactionEnsemble.train(samples: samples, config: config, pretraining: pretraining, options: options,
                                       members: request.ensemble, workers: parallel, metadata: metadata, log: observer.log,
                                       checkpoints: plan, progress: progress)
        }
    }
}
