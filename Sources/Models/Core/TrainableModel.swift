import Foundation
import Learning

/// What a model folder defines — its network, its batching, its loss and its own metrics — so
/// that one trainer (`MemberTrainer`), one ensemble (`Ensemble`), one directory format
/// (`ModelDirectory`) and one predict/evaluate path serve every model (aviary's `BaseModelClass`).
///
/// Adding a model is one folder: a configuration, a network conforming to this protocol (or to
/// `RegressionModel`, which supplies everything but the network for μ/log σ regressors) and a
/// sample type with its dataset reader.
public protocol TrainableModel: Sendable {
    /// The architecture (stored in each member's `config.json` under the key `name`).
    associatedtype Config: Codable & Sendable & Equatable
    /// One training or prediction row as the trainer sees it.
    associatedtype Sample: Sendable
    /// What every member of an ensemble shares (an element embedding, a pretrained encoder, …).
    associatedtype Shared: Sendable
    /// What `ensemble.json` records about `Shared` (the rest lives in files beside it).
    associatedtype SharedManifest: Codable & Sendable
    /// What each member fits on its training rows before training (a target normalisation, or nothing).
    associatedtype MemberState: Codable & Sendable & Equatable
    /// A mini-batch built from samples.
    associatedtype Batch

    /// Short lower-case name: `curate-<name>-ensemble`, `curate-<name>-member`, the config key.
    static var name: String { get }
    /// Name in messages (`Roost`).
    static var displayName: String { get }
    /// Member k is initialised and shuffled with seed + `memberSeedOffset` + k.
    static var memberSeedOffset: UInt64 { get }
    /// Columns of log.csv after `train_loss` (e.g. `train_mae`), one per training metric.
    static var trainingMetricNames: [String] { get }
    /// Columns of log.csv after `val_loss` (e.g. `val_mae`), one per validation metric.
    static var validationMetricNames: [String] { get }

    /// The architecture.
    var config: Config { get }
    /// The weights.
    var parameters: Parameters { get set }
    /// A model with given weights; throws if they do not fit `config`.
    init(config: Config, parameters: Parameters) throws(ModelsError)
    /// Seeded initial weights of `config`.
    static func initialParameters(_ config: Config, seed: UInt64) -> Parameters
    /// Why `config` cannot work (alone or with `shared`), as a full sentence; nil when it can.
    static func problem(_ config: Config, shared: Shared) -> String?

    /// Fits the member's state on its training rows; throws for a row without a label.
    static func fitMemberState(_ samples: [Sample], trainIndices: [Int], validationIndices: [Int],
                               shared: Shared) throws(ModelsError) -> MemberState
    /// The mini-batch of `samples`.
    func batch(_ samples: [Sample], shared: Shared) throws(ModelsError) -> Batch
    /// Records the training loss of `batch` (rows `samples`) on `graph`, adding each training
    /// metric's sum over the batch to `metricSums` (divided by the epoch's rows for log.csv).
    func trainingLoss(_ batch: Batch, samples: [Sample], state: MemberState, on graph: Graph,
                      metricSums: inout [Double]) -> Variable
    /// Validation loss and metrics (in `validationMetricNames` order) on labelled `samples`.
    func validate(_ samples: [Sample], state: MemberState, shared: Shared) throws(ModelsError) -> (loss: Double, metrics: [Double])
    /// The number the trainer minimises to pick the kept epoch.
    static func selectionScore(loss: Double, metrics: [Double]) -> Double
    /// The number recorded as `bestValidationMAE` in the member's metadata.
    static func reportedValidationScore(loss: Double, metrics: [Double]) -> Double

    /// Writes the shared files under `root` and returns what `ensemble.json` records of them.
    static func writeShared(_ shared: Shared, to root: URL, runID: String) throws -> SharedManifest
    /// Reads what `writeShared` wrote (`directory` names the model in errors).
    static func readShared(_ manifest: SharedManifest, from root: URL, directory: String) throws(ModelsError) -> Shared
}

/// A member state with nothing in it (models whose members fit nothing before training).
public struct NoMemberState: Codable, Sendable, Equatable {
    /// The empty state.
    public init() {}
    public init(from decoder: Decoder) throws {}
    public func encode(to encoder: Encoder) throws {}
}
