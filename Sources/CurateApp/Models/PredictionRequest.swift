/// The options of `curate predict` and `curate evaluate`, whatever the model.
public struct PredictionRequest: Sendable {
    /// The model directory (its `ensemble.json` says which model it is).
    public var model: String
    /// A CSV, a release directory or (reaction) a records.jsonl file.
    public var data: String
    /// The identifier column (CSV input).
    public var idColumn = "id"
    /// The input column (nil: composition for Roost, protostructure for Wren).
    public var inputColumn: String?
    /// The target column (evaluate; default for a release: its target property).
    public var target: String?
    /// Which split of a release (nil: the command's default — test).
    public var split: String?

    /// Creates a request.
    public init(model: String, data: String) {
        self.model = model
        self.data = data
    }
}
