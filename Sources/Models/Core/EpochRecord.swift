import Foundation

/// Losses and metrics of one epoch of any model; the metric names are the model's
/// (`TrainableModel.trainingMetricNames`, `validationMetricNames`).
public struct EpochRecord: Codable, Sendable, Equatable {
    /// 1-based epoch number.
    public let epoch: Int
    /// Mean training loss over the epoch's mini-batches (weighted by batch size).
    public let trainLoss: Double
    /// Training metrics, each a mean over the epoch's rows.
    public let trainMetrics: [Double]
    /// Validation loss after the epoch, if there is a validation set.
    public let validationLoss: Double?
    /// Validation metrics after the epoch, if there is a validation set.
    public let validationMetrics: [Double]?
    /// Seconds the epoch took, validation included.
    public let seconds: Double
    /// Seconds spent on the training steps alone (what throughput is computed from).
    public let trainingSeconds: Double

    /// Creates a record.
    public init(epoch: Int, trainLoss: Double, trainMetrics: [Double], validationLoss: Double?,
                validationMetrics: [Double]?, seconds: Double, trainingSeconds: Double) {
        self.epoch = epoch
        self.trainLoss = trainLoss
        self.trainMetrics = trainMetrics
        self.validationLoss = validationLoss
        self.validationMetrics = validationMetrics
        self.seconds = seconds
        self.trainingSeconds = trainingSeconds
    }
}

/// The per-epoch CSV log every member folder holds.
public enum TrainingLog {
    /// `epoch,train_loss,<training metrics>,val_loss,<validation metrics>,seconds,train_seconds`,
    /// one line per epoch (empty validation fields without a validation set; `seconds` includes
    /// validation, `train_seconds` does not).
    public static func csv(_ history: [EpochRecord], trainingMetrics: [String], validationMetrics: [String]) -> String {
        var lines = [(["epoch", "train_loss"] + trainingMetrics + ["val_loss"] + validationMetrics + ["seconds", "train_seconds"])
            .joined(separator: ",")]
        for r in history {
            let validation = r.validationMetrics.map { $0.map { String($0) } }
                ?? Array(repeating: "", count: validationMetrics.count)
            lines.append(([String(r.epoch), String(r.trainLoss)] + r.trainMetrics.map { String($0) }
                          + [r.validationLoss.map { String($0) } ?? ""] + validation
                          + [String(format: "%.3f", r.seconds), String(format: "%.3f", r.trainingSeconds)]).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The log of `history` with `Model`'s column names.
    public static func csv<Model: TrainableModel>(_ history: [EpochRecord], for model: Model.Type) -> String {
        csv(history, trainingMetrics: Model.trainingMetricNames.map { "train_\($0)" },
            validationMetrics: Model.validationMetricNames.map { "val_\($0)" })
    }
}
