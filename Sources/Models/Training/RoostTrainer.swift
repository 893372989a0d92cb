import Foundation
import Learning

/// Trains one Roost member with AdamW on mini-batches, keeping the best-validation weights.
public enum RoostTrainer {
    /// Trains a member on `samples[trainIndices]`, validating on `samples[validationIndices]`.
    ///
    /// Targets are standardised with the training rows' mean and std. Every mini-batch order and
    /// the initial weights come from `memberSeed`, so the same inputs give bit-identical weights.
    /// `initialParameters` (a warm start) replaces the seeded initialisation.
    /// `progress` is called after every epoch, `onBatch` after every optimiser step with the
    /// number of rows in the step (for progress bars).
    public static func train(
        samples: [RoostSample], trainIndices: [Int], validationIndices: [Int],
        embedding: ElementEmbedding, config: RoostConfig, options: TrainingOptions,
        memberSeed: UInt64, initialParameters: Parameters? = nil,
        metadata: TrainingMetadata,
        progress: (EpochRecord) -> Void = { _ in },
        onBatch: (_ rows: Int) -> Void = { _ in }
    ) throws(ModelsError) -> RoostMember {
        if let problem = options.problem { throw .invalidOptions(problem) }
        if let problem = config.problem { throw .invalidOptions("Roost configuration: \(problem)") }
        guard !trainIndices.isEmpty else { throw .invalidOptions("no training rows") }
        var targets = [Double](repeating: .nan, count: samples.count)
        for index in trainIndices + validationIndices {
            guard let target = samples[index].target else {
                throw .invalidOptions("row at line \(samples[index].line) has no target")
            }
            targets[index] = target
        }
        let fractions = samples.map(\.elementFractions)
        let normalisation = TargetNormalisation(fitting: trainIndices.map { targets[$0] })

        var model = try RoostModel(config: config, parameters:
            initialParameters ?? RoostParameterLayout(config).initialParameters(seed: memberSeed))
        var optimiser = AdamW(learningRate: options.learningRate, weightDecay: options.weightDecay)
        var generator = SeededGenerator(seed: memberSeed &+ 0x5EED)
        var history: [EpochRecord] = []
        var best: (epoch: Int, mae: Double, parameters: Parameters)?

        for epoch in 1...options.epochs {
            let started = Date()
            let order = DataSplit.shuffled(trainIndices, generator: &generator)
            var lossSum = 0.0, errorSum = 0.0
            var start = 0
            while start < order.count {
                let rows = Array(order[start..<min(start + options.batchSize, order.count)])
                start += options.batchSize
                let batch = try CompositionBatch(elementAmounts: rows.map { fractions[$0] }, embedding: embedding)
                let normalised = rows.map { Float(normalisation.normalise(targets[$0])) }
                let graph = Graph(seed: generator.next(), isTraining: true)
                let output = model.forward(batch, on: graph, weights: graph.parameters(model.parameters))
                let loss = graph.robustL1Loss(mean: output.mean, logStandardDeviation: output.logStandardDeviation,
                                              target: Tensor(shape: [rows.count, 1], scalars: normalised))
                let lossValue = Double(loss.value.scalars[0])
                guard lossValue.isFinite else {
                    throw .invalidOptions("training diverged at epoch \(epoch) (loss \(lossValue)); try a smaller learning rate")
                }
                lossSum += lossValue * Double(rows.count)
                for (mu, y) in zip(output.mean.value.scalars, normalised) {
                    errorSum += abs(Double(mu) - Double(y)) * normalisation.standardDeviation
                }
                graph.backward(from: loss)
                do {
                    try optimiser.step(&model.parameters, gradients: graph.parameterGradients())
                } catch {
                    throw .invalidOptions("optimiser step failed: \(error)")
                }
                onBatch(rows.count)
            }
            let trainingSeconds = Date().timeIntervalSince(started)
            var validationLoss: Double?, validationMAE: Double?
            if !validationIndices.isEmpty {
                let scores = try score(model: model, normalisation: normalisation,
                                       elementAmounts: validationIndices.map { fractions[$0] },
                                       targets: validationIndices.map { targets[$0] }, embedding: embedding)
                validationLoss = scores.loss
                validationMAE = scores.mae
            }
            let record = EpochRecord(epoch: epoch, trainLoss: lossSum / Double(order.count),
                                     trainMAE: errorSum / Double(order.count),
                                     validationLoss: validationLoss, validationMAE: validationMAE,
                                     seconds: Date().timeIntervalSince(started), trainingSeconds: trainingSeconds)
            history.append(record)
            progress(record)
            let criterion = validationMAE ?? -Double(epoch)  // without validation, the last epoch wins
            if best == nil || criterion < (best?.mae ?? .infinity) {
                best = (epoch, criterion, model.parameters)
            }
        }
        if let best { model.parameters = best.parameters }
        var metadata = metadata
        metadata.seed = memberSeed
        metadata.epochs = options.epochs
        metadata.bestEpoch = best?.epoch ?? options.epochs
        metadata.bestValidationMAE = validationIndices.isEmpty ? nil : best?.mae
        metadata.trainSamples = trainIndices.count
        metadata.validationSamples = validationIndices.count
        return RoostMember(model: model, normalisation: normalisation, metadata: metadata, history: history)
    }

    /// Robust L1 loss (normalised units) and MAE (target units) of `model` on labelled rows.
    public static func score(
        model: RoostModel, normalisation: TargetNormalisation,
        elementAmounts: [[(z: Int, amount: Double)]], targets: [Double], embedding: ElementEmbedding
    ) throws(ModelsError) -> (loss: Double, mae: Double) {
        let raw = try model.predict(elementAmounts: elementAmounts, embedding: embedding)
        var loss = 0.0, error = 0.0
        for ((mu, logSigma), y) in zip(zip(raw.mean, raw.logStandardDeviation), targets) {
            let z = normalisation.normalise(y)
            let residual = abs(z - Double(mu))
            loss += 2.0.squareRoot() * residual * Double(-logSigma).clampedExp + Double(logSigma)
            error += residual * normalisation.standardDeviation
        }
        let n = Double(max(targets.count, 1))
        return (loss / n, error / n)
    }
}
