import Foundation
import Learning

/// Trains one member of any model with AdamW on mini-batches, keeping the weights of the epoch
/// the model's selection score likes best (the last epoch without a validation set). The step
/// size follows `options.schedule`; with `options.patience` a member stops once its validation
/// score has not improved for that many epochs.
///
/// Every mini-batch order, dropout seed and (without `initialParameters`) the initial weights
/// come from `memberSeed`, so the same inputs give bit-identical weights. With a checkpoint
/// folder the member saves its state every `every` epochs and resumes from the latest one.
public enum MemberTrainer<Model: TrainableModel> {
    /// Where one member checkpoints.
    struct Checkpointing {
        var folder: URL
        var runID: String
        var every: Int?
        var stopAfterEpoch: Int?
    }

    /// Trains a member on `samples[trainIndices]`, validating on `samples[validationIndices]`.
    /// `progress` is called after every epoch, `onBatch` after every optimiser step with its rows.
    public static func train(
        samples: [Model.Sample], trainIndices: [Int], validationIndices: [Int], shared: Model.Shared,
        config: Model.Config, options: TrainingOptions, memberSeed: UInt64, initialParameters: Parameters? = nil,
        metadata: TrainingMetadata, progress: (EpochRecord) -> Void = { _ in }, onBatch: (_ rows: Int) -> Void = { _ in }
    ) throws(ModelsError) -> Member<Model> {
        try train(samples: samples, trainIndices: trainIndices, validationIndices: validationIndices, shared: shared,
                  config: config, options: options, memberSeed: memberSeed, initialParameters: initialParameters,
                  metadata: metadata, checkpointing: nil, progress: progress, onBatch: onBatch)
    }

    static func train(
        samples: [Model.Sample], trainIndices: [Int], validationIndices: [Int], shared: Model.Shared,
        config: Model.Config, options: TrainingOptions, memberSeed: UInt64, initialParameters: Parameters?,
        metadata: TrainingMetadata, checkpointing: Checkpointing?,
        progress: (EpochRecord) -> Void, onBatch: (_ rows: Int) -> Void
    ) throws(ModelsError) -> Member<Model> {
        if let problem = options.problem { throw .invalidOptions(problem) }
        if let problem = Model.problem(config, shared: shared) { throw .invalidOptions(problem) }
        guard !trainIndices.isEmpty else { throw .invalidOptions("no training rows") }
        let state = try Model.fitMemberState(samples, trainIndices: trainIndices, validationIndices: validationIndices, shared: shared)
        var model = try Model(config: config, parameters: initialParameters ?? Model.initialParameters(config, seed: memberSeed))
        var optimiser = AdamW(learningRate: options.learningRate, weightDecay: options.weightDecay)
        var generator = SeededGenerator(seed: memberSeed &+ 0x5EED)
        var history: [EpochRecord] = []
        var best: (epoch: Int, score: Double, parameters: Parameters)?
        var firstEpoch = 1
        if let checkpointing, let saved = try MemberCheckpoint.latest(in: checkpointing.folder, runID: checkpointing.runID) {
            guard let restored = SeededGenerator(stateWords: saved.header.generator), saved.header.epoch <= options.epochs else {
                throw .invalidModel(path: checkpointing.folder.path, reason: "checkpoint of epoch \(saved.header.epoch) does not fit this run")
            }
            model = try Model(config: config, parameters: saved.parameters)
            optimiser.state = saved.optimiser
            generator = restored
            history = saved.header.history
            if let epoch = saved.header.bestEpoch, let score = saved.header.bestScore, let parameters = saved.best {
                best = (epoch, score, parameters)
            }
            firstEpoch = saved.header.epoch + 1
        }
        let validation = validationIndices.map { samples[$0] }
        for epoch in firstEpoch..<(options.epochs + 1) {
            if let patience = options.patience, let best, !validation.isEmpty, epoch - 1 - best.epoch >= patience { break }
            optimiser.learningRate = options.schedule.rate(options.learningRate, epoch: epoch, of: options.epochs)
            let started = Date()
            let order = DataSplit.shuffled(trainIndices, generator: &generator)
            var lossSum = 0.0
            var metricSums = [Double](repeating: 0, count: Model.trainingMetricNames.count)
            var start = 0
            while start < order.count {
                let rows = order[start..<min(start + options.batchSize, order.count)].map { samples[$0] }
                start += options.batchSize
                let batch = try model.batch(rows, shared: shared)
                let graph = Graph(seed: generator.next(), isTraining: true)
                let loss = model.trainingLoss(batch, samples: rows, state: state, on: graph, metricSums: &metricSums)
                let lossValue = Double(loss.value.scalars[0])
                guard lossValue.isFinite else {
                    throw .invalidOptions("training diverged at epoch \(epoch) (loss \(lossValue)); try a smaller learning rate")
                }
                lossSum += lossValue * Double(rows.count)
                graph.backward(from: loss)
                do { try optimiser.step(&model.parameters, gradients: graph.parameterGradients()) } catch {
                    throw .invalidOptions("optimiser step failed: \(error)")
                }
                onBatch(rows.count)
            }
            let trainingSeconds = Date().timeIntervalSince(started)
            let scores = validation.isEmpty ? nil : try model.validate(validation, state: state, shared: shared)
            let n = Double(order.count)
            let record = EpochRecord(epoch: epoch, trainLoss: lossSum / n, trainMetrics: metricSums.map { $0 / n },
                                     validationLoss: scores?.loss, validationMetrics: scores?.metrics,
                                     seconds: Date().timeIntervalSince(started), trainingSeconds: trainingSeconds)
            history.append(record)
            progress(record)
            let score = scores.map { Model.selectionScore(loss: $0.loss, metrics: $0.metrics) } ?? -Double(epoch)
            if best == nil || score < (best?.score ?? .infinity) { best = (epoch, score, model.parameters) }
            if let checkpointing, let every = checkpointing.every, epoch % every == 0, epoch < options.epochs {
                try MemberCheckpoint(header: .init(runID: checkpointing.runID, epoch: epoch, generator: generator.stateWords,
                                                   optimiserSteps: optimiser.state.stepCount, history: history,
                                                   bestEpoch: best?.epoch, bestScore: best?.score),
                                     parameters: model.parameters, best: best?.parameters, optimiser: optimiser.state)
                    .write(to: checkpointing.folder)
            }
            if let stop = checkpointing?.stopAfterEpoch, epoch >= stop, epoch < options.epochs {
                throw .invalidOptions("training stopped after epoch \(epoch) as asked; resume from \(checkpointing?.folder.deletingLastPathComponent().path ?? "")")
            }
        }
        if let best { model.parameters = best.parameters }
        var metadata = metadata
        metadata.seed = memberSeed
        metadata.epochs = options.epochs
        metadata.bestEpoch = best?.epoch ?? options.epochs
        metadata.epochsTrained = history.count < options.epochs ? history.count : nil
        metadata.schedule = options.schedule == .constant ? nil : options.schedule
        metadata.patience = options.patience
        metadata.bestValidationMAE = nil
        if !validationIndices.isEmpty, let kept = best.map({ history[$0.epoch - 1] }),
           let loss = kept.validationLoss, let metrics = kept.validationMetrics {
            metadata.bestValidationMAE = Model.reportedValidationScore(loss: loss, metrics: metrics)
        }
        metadata.trainSamples = trainIndices.count
        metadata.validationSamples = validationIndices.count
        return Member(model: model, state: state, metadata: metadata, history: history)
    }
}
