import Foundation
import Learning

/// Losses and scores of one reaction-model epoch.
public struct ReactionEpochRecord: Codable, Sendable, Equatable {
    /// 1-based epoch number.
    public let epoch: Int
    /// Mean training loss (BCE + L1) over the epoch's mini-batches, weighted by batch size.
    public let trainLoss: Double
    /// Mean stage-1 binary cross-entropy part.
    public let trainBCE: Double
    /// Mean stage-2 L1 part (teacher forcing; summed over elements, averaged over reactions).
    public let trainL1: Double
    /// Validation loss (BCE + L1, teacher forcing), if there is a validation set.
    public let validationLoss: Double?
    /// Validation subset accuracy of the member's own predicted element sets.
    public let validationSubsetAccuracy: Double?
    /// Validation mean L1 of the member's own predicted fraction vectors.
    public let validationL1: Double?
    /// Seconds the epoch took, validation included.
    public let seconds: Double
    /// Seconds of the training steps alone.
    public let trainingSeconds: Double

    /// `epoch,train_loss,train_bce,train_l1,val_loss,val_subset_accuracy,val_l1,seconds,train_seconds`.
    public static func csv(_ history: [ReactionEpochRecord]) -> String {
        var lines = ["epoch,train_loss,train_bce,train_l1,val_loss,val_subset_accuracy,val_l1,seconds,train_seconds"]
        for r in history {
            lines.append([String(r.epoch), String(r.trainLoss), String(r.trainBCE), String(r.trainL1),
                          r.validationLoss.map { String($0) } ?? "", r.validationSubsetAccuracy.map { String($0) } ?? "",
                          r.validationL1.map { String($0) } ?? "",
                          String(format: "%.3f", r.seconds), String(format: "%.3f", r.trainingSeconds)].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Trains one reaction-model member with AdamW on mini-batches, keeping the weights of the epoch
/// with the lowest validation loss (the last epoch when there is no validation set).
public enum ReactionTrainer {
    /// Trains on `samples[trainIndices]`, validating on `samples[validationIndices]`; every row
    /// needs a target. `actionEmbeddings` are per sample. Initial weights and batch order come
    /// from `memberSeed`.
    public static func train(
        samples: [ReactionSample], actionEmbeddings: [[Float]], standardisation: FeatureStandardisation,
        trainIndices: [Int], validationIndices: [Int], config: ReactionConfig, options: TrainingOptions,
        memberSeed: UInt64, metadata: TrainingMetadata, progress: (ReactionEpochRecord) -> Void = { _ in }
    ) throws(ModelsError) -> ReactionMember {
        if let problem = options.problem { throw .invalidOptions(problem) }
        if let problem = config.problem { throw .invalidOptions("reaction model configuration: \(problem)") }
        guard !trainIndices.isEmpty else { throw .invalidOptions("no training reactions") }
        for index in trainIndices + validationIndices where samples[index].target == nil {
            throw .invalidOptions("reaction at line \(samples[index].line) has no target")
        }
        var model = ReactionModel(config: config, seed: memberSeed)
        var optimiser = AdamW(learningRate: options.learningRate, weightDecay: options.weightDecay)
        var generator = SeededGenerator(seed: memberSeed &+ 0x5EED)
        var history: [ReactionEpochRecord] = []
        var best: (epoch: Int, loss: Double, parameters: Parameters)?
        func batch(_ rows: [Int]) -> ReactionBatch {
            ReactionBatch(samples: rows.map { samples[$0] }, actionEmbeddings: rows.map { actionEmbeddings[$0] },
                          standardisation: standardisation, actionDimension: config.actionDimension)
        }
        for epoch in 1...options.epochs {
            let started = Date()
            let order = DataSplit.shuffled(trainIndices, generator: &generator)
            var sums = (loss: 0.0, bce: 0.0, l1: 0.0)
            var start = 0
            while start < order.count {
                let rows = Array(order[start..<min(start + options.batchSize, order.count)])
                start += rows.count
                let graph = Graph(seed: generator.next(), isTraining: true)
                let loss = model.loss(batch(rows), on: graph, weights: graph.parameters(model.parameters))
                let value = Double(loss.total.value.scalars[0])
                guard value.isFinite else {
                    throw .invalidOptions("training diverged at epoch \(epoch) (loss \(value)); try a smaller learning rate")
                }
                let n = Double(rows.count)
                sums.loss += value * n
                sums.bce += Double(loss.bce.value.scalars[0]) * n
                sums.l1 += Double(loss.l1.value.scalars[0]) * n
                graph.backward(from: loss.total)
                do { try optimiser.step(&model.parameters, gradients: graph.parameterGradients()) } catch {
                    throw .invalidOptions("optimiser step failed: \(error)")
                }
            }
            let trainingSeconds = Date().timeIntervalSince(started)
            var validation: (loss: Double, subset: Double, l1: Double)?
            if !validationIndices.isEmpty {
                validation = score(model: model, rows: validationIndices, samples: samples, actionEmbeddings: actionEmbeddings,
                                   standardisation: standardisation, batch: batch)
            }
            let n = Double(order.count)
            let record = ReactionEpochRecord(
                epoch: epoch, trainLoss: sums.loss / n, trainBCE: sums.bce / n, trainL1: sums.l1 / n,
                validationLoss: validation?.loss, validationSubsetAccuracy: validation?.subset, validationL1: validation?.l1,
                seconds: Date().timeIntervalSince(started), trainingSeconds: trainingSeconds)
            history.append(record)
            progress(record)
            let criterion = validation?.loss ?? -Double(epoch)
            if best == nil || criterion < (best?.loss ?? .infinity) { best = (epoch, criterion, model.parameters) }
        }
        if let best { model.parameters = best.parameters }
        var metadata = metadata
        metadata.seed = memberSeed
        metadata.epochs = options.epochs
        metadata.bestEpoch = best?.epoch ?? options.epochs
        metadata.bestValidationMAE = validationIndices.isEmpty ? nil : history[(best?.epoch ?? 1) - 1].validationL1
        metadata.trainSamples = trainIndices.count
        metadata.validationSamples = validationIndices.count
        return ReactionMember(model: model, metadata: metadata, history: history)
    }

    /// Validation loss (teacher forcing) and the member's own subset accuracy and mean L1.
    private static func score(model: ReactionModel, rows: [Int], samples: [ReactionSample], actionEmbeddings: [[Float]],
                              standardisation: FeatureStandardisation, batch: ([Int]) -> ReactionBatch)
        -> (loss: Double, subset: Double, l1: Double) {
        var loss = 0.0
        var start = 0
        while start < rows.count {
            let chunk = Array(rows[start..<min(start + 256, rows.count)])
            start += chunk.count
            let graph = Graph(seed: 0, isTraining: false)
            loss += Double(model.loss(batch(chunk), on: graph, weights: graph.parameters(model.parameters)).total.value.scalars[0])
                * Double(chunk.count)
        }
        let member = ReactionMember(model: model, metadata: TrainingMetadata(toolVersion: ""))
        let predicted = member.predict(rows.map { samples[$0] }, actionEmbeddings: rows.map { actionEmbeddings[$0] },
                                       standardisation: standardisation)
        var subset = 0.0, l1 = 0.0
        for (row, prediction) in zip(rows, predicted) {
            let observed = Dictionary(uniqueKeysWithValues: (samples[row].target ?? []).map { ($0.z, $0.fraction) })
            if Set(prediction.keys) == Set(observed.keys) { subset += 1 }
            l1 += ReactionMetrics.l1(prediction, observed)
        }
        let n = Double(max(rows.count, 1))
        return (loss / n, subset / n, l1 / n)
    }
}
