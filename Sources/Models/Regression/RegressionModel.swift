import Foundation
import Learning

/// A labelled row of a regression dataset.
public protocol LabelledSample: Sendable {
    /// The target value, when the file has a target column.
    var target: Double? { get }
    /// 1-based line in the source file.
    var line: Int { get }
}

/// A member's state for μ/log σ regressors: its target standardisation and the embedding name.
public struct RegressionMemberState: Codable, Sendable, Equatable {
    /// Target standardisation; predictions are μ·std + mean.
    public var normalisation: TargetNormalisation
    /// Name of the element embedding.
    public var embedding: String

    /// Creates a state.
    public init(normalisation: TargetNormalisation, embedding: String) {
        self.normalisation = normalisation
        self.embedding = embedding
    }
}

/// What `ensemble.json` records of a regressor's element embedding (stored as `embedding.json`).
public struct EmbeddingManifest: Codable, Sendable, Equatable {
    /// Name of the element embedding.
    public var embedding: String
    /// The embedding file inside the directory.
    public var embeddingFile: String
}

/// A network that predicts a mean μ and a log standard deviation log σ in normalised target
/// units from an element embedding and its own input (Roost: a composition, Wren: a
/// protostructure). Everything else — target standardisation, the robust L1 loss, MAE, the
/// model directory's shared embedding — is supplied here; a regressor defines its network.
public protocol RegressionModel: TrainableModel
where Shared == ElementEmbedding, MemberState == RegressionMemberState, SharedManifest == EmbeddingManifest,
      Sample: LabelledSample {
    /// What the network reads of one row.
    associatedtype Input
    /// Rows per batch when predicting.
    static var predictionBatchSize: Int { get }
    /// The input of a sample.
    static func input(_ sample: Sample) -> Input
    /// The mini-batch of `inputs`.
    func batch(inputs: [Input], embedding: ElementEmbedding) throws(ModelsError) -> Batch
    /// Records the forward pass: μ and log σ, each [rows, 1].
    func forward(_ batch: Batch, on graph: Graph, weights: [String: Variable]) -> RoostModel.Output
}

extension RegressionModel {
    public static var memberSeedOffset: UInt64 { 0 }
    public static var trainingMetricNames: [String] { ["mae"] }
    public static var validationMetricNames: [String] { ["mae"] }

    public static func selectionScore(loss: Double, metrics: [Double]) -> Double { metrics[0] }
    public static func reportedValidationScore(loss: Double, metrics: [Double]) -> Double { metrics[0] }

    public func batch(_ samples: [Sample], shared: ElementEmbedding) throws(ModelsError) -> Batch {
        try batch(inputs: samples.map(Self.input), embedding: shared)
    }

    public static func fitMemberState(_ samples: [Sample], trainIndices: [Int], validationIndices: [Int],
                                      shared: ElementEmbedding) throws(ModelsError) -> RegressionMemberState {
        for index in trainIndices + validationIndices where samples[index].target == nil {
            throw .invalidOptions("row at line \(samples[index].line) has no target")
        }
        return RegressionMemberState(normalisation: TargetNormalisation(fitting: trainIndices.map { samples[$0].target ?? .nan }),
                                     embedding: shared.name)
    }

    public func trainingLoss(_ batch: Batch, samples: [Sample], state: RegressionMemberState, on graph: Graph,
                             metricSums: inout [Double]) -> Variable {
        let normalisation = state.normalisation
        let normalised = samples.map { Float(normalisation.normalise($0.target ?? .nan)) }
        let output = forward(batch, on: graph, weights: graph.parameters(parameters))
        let loss = graph.robustL1Loss(mean: output.mean, logStandardDeviation: output.logStandardDeviation,
                                      target: Tensor(shape: [samples.count, 1], scalars: normalised))
        for (mu, y) in zip(output.mean.value.scalars, normalised) {
            metricSums[0] += abs(Double(mu) - Double(y)) * normalisation.standardDeviation
        }
        return loss
    }

    /// Robust L1 loss (normalised units) and MAE (target units) on labelled rows.
    public func validate(_ samples: [Sample], state: RegressionMemberState, shared: ElementEmbedding) throws(ModelsError)
        -> (loss: Double, metrics: [Double]) {
        let raw = try rawPredictions(samples.map(Self.input), embedding: shared)
        var loss = 0.0, error = 0.0
        for ((mu, logSigma), sample) in zip(zip(raw.mean, raw.logStandardDeviation), samples) {
            let residual = abs(state.normalisation.normalise(sample.target ?? .nan) - Double(mu))
            loss += 2.0.squareRoot() * residual * Double(-logSigma).clampedExp + Double(logSigma)
            error += residual * state.normalisation.standardDeviation
        }
        let n = Double(max(samples.count, 1))
        return (loss / n, [error / n])
    }

    /// μ and log σ (normalised units) in input order, in batches of `predictionBatchSize`.
    public func rawPredictions(_ inputs: [Input], embedding: ElementEmbedding) throws(ModelsError)
        -> (mean: [Float], logStandardDeviation: [Float]) {
        var means: [Float] = [], logStds: [Float] = []
        means.reserveCapacity(inputs.count)
        logStds.reserveCapacity(inputs.count)
        var start = 0
        while start < inputs.count {
            let end = min(start + Self.predictionBatchSize, inputs.count)
            let graph = Graph(seed: 0, isTraining: false)
            let output = forward(try batch(inputs: Array(inputs[start..<end]), embedding: embedding), on: graph,
                                 weights: graph.parameters(parameters))
            means += output.mean.value.scalars
            logStds += output.logStandardDeviation.value.scalars
            start = end
        }
        return (means, logStds)
    }

    public static func writeShared(_ shared: ElementEmbedding, to root: URL, runID: String) throws -> EmbeddingManifest {
        try shared.jsonData().write(to: root.appendingPathComponent("embedding.json"), options: .atomic)
        return EmbeddingManifest(embedding: shared.name, embeddingFile: "embedding.json")
    }

    public static func readShared(_ manifest: EmbeddingManifest, from root: URL, directory: String) throws(ModelsError) -> ElementEmbedding {
        try ElementEmbedding.load(path: root.appendingPathComponent(manifest.embeddingFile).path, name: manifest.embedding)
    }
}

extension Member where Model: RegressionModel {
    /// How targets were standardised for this member.
    public var normalisation: TargetNormalisation { state.normalisation }

    /// Predicted mean and σ in target units, in input order.
    public func predict(_ inputs: [Model.Input], embedding: ElementEmbedding) throws(ModelsError)
        -> [(mean: Double, standardDeviation: Double)] {
        let raw = try model.rawPredictions(inputs, embedding: embedding)
        return zip(raw.mean, raw.logStandardDeviation).map { mu, logSigma in
            (state.normalisation.denormalise(Double(mu)),
             state.normalisation.denormaliseStandardDeviation(Double(logSigma).clampedExp))
        }
    }
}

extension Ensemble where Model: RegressionModel {
    /// The element embedding every member was trained with.
    public var embedding: ElementEmbedding { shared }

    /// Ensemble predictions (mean and uncertainty parts) for `inputs`, in order.
    public func predict(inputs: [Model.Input]) throws(ModelsError) -> [EnsemblePrediction] {
        var perMember: [[(mean: Double, standardDeviation: Double)]] = []
        for member in members { perMember.append(try member.predict(inputs, embedding: shared)) }
        return inputs.indices.map { row in
            EnsemblePrediction(memberMeans: perMember.map { $0[row].mean },
                               memberStandardDeviations: perMember.map { $0[row].standardDeviation })
        }
    }

    /// Ensemble predictions for samples, in order.
    public func predict(_ samples: [Model.Sample]) throws(ModelsError) -> [EnsemblePrediction] {
        try predict(inputs: samples.map(Model.input))
    }
}

extension EpochRecord {
    /// Regressors: training MAE over the epoch (target units, computed before each step).
    public var trainMAE: Double { trainMetrics.first ?? .nan }
    /// Regressors: validation MAE after the epoch, if there is a validation set.
    public var validationMAE: Double? { validationMetrics?.first }
}
