import Models

/// One row of a regressor's predictions: the id, the input as written (under `composition` or
/// `protostructure`) and the ensemble's mean and uncertainty parts.
public struct RegressionPredictionRow: Encodable, Sendable {
    /// The row's identifier.
    public let id: String
    /// `composition` or `protostructure`.
    public let inputName: String
    /// The input as written.
    public let input: String
    /// Mean and uncertainty parts.
    public let prediction: EnsemblePrediction

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: Key("id"))
        try container.encode(input, forKey: Key(inputName))
        try prediction.encode(to: encoder)
    }
}

/// What `curate predict` returns: a regressor's rows, or the reaction model's predictions with
/// its evaluation on the labelled rows.
public enum PredictionResult: Sendable {
    /// Roost or Wren rows.
    case regression([RegressionPredictionRow])
    /// Reaction predictions and, when some rows are labelled, the model against the null baseline.
    case reaction([ReactionPrediction], ReactionEvaluation?)
}

/// What `curate evaluate` returns.
public enum EvaluationResult: Sendable, Encodable {
    /// Roost or Wren: MAE, RMSE, R² and the confidence–error curve.
    case regression(RegressionMetrics)
    /// The reaction model against the null baseline.
    case reaction(ReactionEvaluation)

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .regression(let metrics): try metrics.encode(to: encoder)
        case .reaction(let evaluation): try evaluation.encode(to: encoder)
        }
    }
}
