import Crystal
import Foundation
import Learning

/// Trains one Wren member with AdamW on mini-batches of protostructures, keeping the
/// best-validation weights (the procedure of `RoostTrainer`).
public enum WrenTrainer {
    /// Trains a member on `samples[trainIndices]`, validating on `samples[validationIndices]`.
    /// Targets are standardised with the training rows; every batch order and the initial weights
    /// come from `memberSeed`, unless `initialParameters` (a warm start, e.g. a model pretrained
    /// on another dataset) replaces the seeded initialisation.
    public static func train(
        samples: [WrenSample], trainIndices: [Int], validationIndices: [Int],
        elements: ElementEmbedding, config: WrenConfig, options: TrainingOptions,
        memberSeed: UInt64, initialParameters: Parameters? = nil, metadata: TrainingMetadata,
        progress: (EpochRecord) -> Void = { _ in }
    ) throws(ModelsError) -> WrenMember {
        if let problem = options.problem { throw .invalidOptions(problem) }
        if let problem = config.problem { throw .invalidOptions("Wren configuration: \(problem)") }
        guard config.wyckoffEmbeddingDimension == WyckoffEmbedding.standard.dimension else {
            throw .invalidOptions("the Wren configuration expects \(config.wyckoffEmbeddingDimension)-d Wyckoff vectors, the embedding has \(WyckoffEmbedding.standard.dimension)")
        }
        guard !trainIndices.isEmpty else { throw .invalidOptions("no training rows") }
        var targets = [Double](repeating: .nan, count: samples.count)
        for index in trainIndices + validationIndices {
            guard let target = samples[index].target else { throw .invalidOptions("row at line \(samples[index].line) has no target") }
            targets[index] = target
        }
        let normalisation = TargetNormalisation(fitting: trainIndices.map { targets[$0] })
        var model = WrenModel(config: config, seed: memberSeed)
        if let initialParameters {
            if let problem = WrenParameterLayout(config).mismatch(initialParameters) {
                throw .invalidOptions("the starting weights do not fit the Wren configuration: \(problem)")
            }
            model.parameters = initialParameters
        }
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
                let batch = try WrenBatch(protostructures: rows.map { samples[$0].protostructure }, elements: elements)
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
                do { try optimiser.step(&model.parameters, gradients: graph.parameterGradients()) } catch {
                    throw .invalidOptions("optimiser step failed: \(error)")
                }
            }
            let trainingSeconds = Date().timeIntervalSince(started)
            var validationLoss: Double?, validationMAE: Double?
            if !validationIndices.isEmpty {
                let scores = try score(model: model, normalisation: normalisation,
                                       protostructures: validationIndices.map { samples[$0].protostructure },
                                       targets: validationIndices.map { targets[$0] }, elements: elements)
                validationLoss = scores.loss
                validationMAE = scores.mae
            }
            let record = EpochRecord(epoch: epoch, trainLoss: lossSum / Double(order.count), trainMAE: errorSum / Double(order.count),
                                     validationLoss: validationLoss, validationMAE: validationMAE,
                                     seconds: Date().timeIntervalSince(started), trainingSeconds: trainingSeconds)
            history.append(record)
            progress(record)
            let criterion = validationMAE ?? -Double(epoch)
            if best == nil || criterion < (best?.mae ?? .infinity) { best = (epoch, criterion, model.parameters) }
        }
        if let best { model.parameters = best.parameters }
        var metadata = metadata
        metadata.seed = memberSeed
        metadata.epochs = options.epochs
        metadata.bestEpoch = best?.epoch ?? options.epochs
        metadata.bestValidationMAE = validationIndices.isEmpty ? nil : best?.mae
        metadata.trainSamples = trainIndices.count
        metadata.validationSamples = validationIndices.count
        return WrenMember(model: model, normalisation: normalisation, metadata: metadata, history: history)
    }

    /// μ and log σ (normalised units) in input order, in batches.
    public static func rawPredictions(model: WrenModel, protostructures: [Protostructure], elements: ElementEmbedding,
                                      batchSize: Int = 256) throws(ModelsError) -> (mean: [Float], logStandardDeviation: [Float]) {
        var means: [Float] = [], logStds: [Float] = []
        var start = 0
        while start < protostructures.count {
            let end = min(start + max(batchSize, 1), protostructures.count)
            let out = model.predict(try WrenBatch(protostructures: Array(protostructures[start..<end]), elements: elements))
            means += out.mean
            logStds += out.logStandardDeviation
            start = end
        }
        return (means, logStds)
    }

    /// Robust L1 loss (normalised units) and MAE (target units) on labelled rows.
    public static func score(model: WrenModel, normalisation: TargetNormalisation, protostructures: [Protostructure],
                             targets: [Double], elements: ElementEmbedding) throws(ModelsError) -> (loss: Double, mae: Double) {
        let raw = try rawPredictions(model: model, protostructures: protostructures, elements: elements)
        var loss = 0.0, error = 0.0
        for ((mu, logSigma), y) in zip(zip(raw.mean, raw.logStandardDeviation), targets) {
            let residual = abs(normalisation.normalise(y) - Double(mu))
            loss += 2.0.squareRoot() * residual * Double(-logSigma).clampedExp + Double(logSigma)
            error += residual * normalisation.standardDeviation
        }
        let n = Double(max(targets.count, 1))
        return (loss / n, error / n)
    }
}
