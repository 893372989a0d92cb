import Foundation
import Learning

/// A training row of the reaction model: the reaction and its (precomputed) action embedding.
public struct ReactionTrainingRow: Sendable {
    /// The reaction.
    public let sample: ReactionSample
    /// Its action embedding from the ensemble's encoder.
    public let actionEmbedding: [Float]

    /// Creates a row.
    public init(sample: ReactionSample, actionEmbedding: [Float]) {
        self.sample = sample
        self.actionEmbedding = actionEmbedding
    }
}

/// What `ensemble.json` records of a reaction ensemble's shared part (the encoder's weights are
/// `action-encoder.safetensors`).
public struct ReactionSharedManifest: Codable, Sendable, Equatable {
    /// The action encoder's sizes.
    public var actionEncoder: ActionEncoderConfig
    /// Descriptor standardisation fitted on the training reactions.
    public var standardisation: FeatureStandardisation
    /// The null baseline fitted on the training reactions.
    public var nullBaseline: NullBaseline
    /// Pretraining report, when known.
    public var report: ReactionTrainingReport?
}

/// The reaction-graph model as a `TrainableModel`: BCE + L1 loss, the kept epoch by validation
/// loss, and its own validation metrics (subset accuracy and L1 of its predicted fractions).
extension ReactionModel: TrainableModel {
    public typealias Sample = ReactionTrainingRow
    public typealias Shared = ReactionShared
    public typealias SharedManifest = ReactionSharedManifest
    public typealias MemberState = NoMemberState
    public typealias Batch = ReactionBatch

    public static var name: String { "reaction" }
    public static var displayName: String { "reaction" }
    public static var memberSeedOffset: UInt64 { 1 }
    public static var trainingMetricNames: [String] { ["bce", "l1"] }
    public static var validationMetricNames: [String] { ["subset_accuracy", "l1"] }

    public static func initialParameters(_ config: ReactionConfig, seed: UInt64) -> Parameters {
        config.layout.initialParameters(seed: seed)
    }

    public static func problem(_ config: ReactionConfig, shared: ReactionShared) -> String? {
        if let problem = config.problem { return "reaction model configuration: \(problem)" }
        if !(config.actionDimension == 0 || config.actionDimension == shared.actionEncoder.config.hidden) {
            return "member expects \(config.actionDimension)-d action embeddings, the encoder gives \(shared.actionEncoder.config.hidden)"
        }
        if config.descriptorDimension != shared.standardisation.means.count || config.descriptorDimension != PrecursorDescriptors.dimension {
            return "member expects \(config.descriptorDimension)-d descriptors, this build computes \(PrecursorDescriptors.dimension)"
        }
        return nil
    }

    public static func fitMemberState(_ samples: [ReactionTrainingRow], trainIndices: [Int], validationIndices: [Int],
                                      shared: ReactionShared) throws(ModelsError) -> NoMemberState {
        for index in trainIndices + validationIndices where samples[index].sample.target == nil {
            throw .invalidOptions("reaction at line \(samples[index].sample.line) has no target")
        }
        return NoMemberState()
    }

    public func batch(_ samples: [ReactionTrainingRow], shared: ReactionShared) throws(ModelsError) -> ReactionBatch {
        ReactionBatch(samples: samples.map(\.sample), actionEmbeddings: samples.map(\.actionEmbedding),
                      standardisation: shared.standardisation, actionDimension: config.actionDimension)
    }

    public func trainingLoss(_ batch: ReactionBatch, samples: [ReactionTrainingRow], state: NoMemberState, on graph: Graph,
                             metricSums: inout [Double]) -> Variable {
        let loss = loss(batch, on: graph, weights: graph.parameters(parameters))
        let n = Double(samples.count)
        metricSums[0] += Double(loss.bce.value.scalars[0]) * n
        metricSums[1] += Double(loss.l1.value.scalars[0]) * n
        return loss.total
    }

    /// Validation loss (teacher forcing) and the member's own subset accuracy and mean L1.
    public func validate(_ samples: [ReactionTrainingRow], state: NoMemberState, shared: ReactionShared) throws(ModelsError)
        -> (loss: Double, metrics: [Double]) {
        var loss = 0.0
        var start = 0
        while start < samples.count {
            let chunk = Array(samples[start..<min(start + 256, samples.count)])
            start += chunk.count
            let graph = Graph(seed: 0, isTraining: false)
            loss += Double(self.loss(try batch(chunk, shared: shared), on: graph, weights: graph.parameters(parameters))
                .total.value.scalars[0]) * Double(chunk.count)
        }
        let member = ReactionMember(model: self, metadata: TrainingMetadata(toolVersion: ""))
        let predicted = member.predict(samples.map(\.sample), actionEmbeddings: samples.map(\.actionEmbedding),
                                       standardisation: shared.standardisation)
        var subset = 0.0, l1 = 0.0
        for (row, prediction) in zip(samples, predicted) {
            let observed = Dictionary(uniqueKeysWithValues: (row.sample.target ?? []).map { ($0.z, $0.fraction) })
            if Set(prediction.keys) == Set(observed.keys) { subset += 1 }
            l1 += ReactionMetrics.l1(prediction, observed)
        }
        let n = Double(max(samples.count, 1))
        return (loss / n, [subset / n, l1 / n])
    }

    public static func selectionScore(loss: Double, metrics: [Double]) -> Double { loss }
    public static func reportedValidationScore(loss: Double, metrics: [Double]) -> Double { metrics[1] }

    public static func writeShared(_ shared: ReactionShared, to root: URL, runID: String) throws -> ReactionSharedManifest {
        try SafeTensors.write(shared.actionEncoder.parameters.tensors,
                              metadata: ["format": "pt", "model": "reaction-action-encoder", "run": runID],
                              to: root.appendingPathComponent("action-encoder.safetensors"))
        return ReactionSharedManifest(actionEncoder: shared.actionEncoder.config, standardisation: shared.standardisation,
                                      nullBaseline: shared.baseline, report: shared.report)
    }

    public static func readShared(_ manifest: ReactionSharedManifest, from root: URL, directory: String) throws(ModelsError) -> ReactionShared {
        let weights = try ModelFiles.readWeights(root.appendingPathComponent("action-encoder.safetensors"), directory: directory,
                                                 label: "action-encoder.safetensors")
        do {
            return ReactionShared(actionEncoder: try ActionEncoder(config: manifest.actionEncoder, parameters: weights),
                                  standardisation: manifest.standardisation, baseline: manifest.nullBaseline, report: manifest.report)
        } catch {
            throw .invalidModel(path: directory, reason: "action-encoder.safetensors: \(error)")
        }
    }
}

extension EpochRecord {
    /// Reaction model: mean stage-1 binary cross-entropy part of the training loss.
    public var trainBCE: Double { trainMetrics.first ?? .nan }
    /// Reaction model: validation subset accuracy of the member's own predicted element sets.
    public var validationSubsetAccuracy: Double? { validationMetrics?.first }
    /// Reaction model: validation mean L1 of the member's own predicted fraction vectors.
    public var validationL1: Double? { validationMetrics.map { $0.count > 1 ? $0[1] : .nan } }
    /// Reaction model: mean stage-2 L1 part of the training loss.
    public var trainL1: Double { trainMetrics.count > 1 ? trainMetrics[1] : .nan }
}
