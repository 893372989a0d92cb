/// What an attribute holdout (`space_group`, `batch`, `time`, `attribute`) holds out as test.
public struct AttributeSelection: Sendable, Equatable {
    /// The record attribute (`space_group`, `batch`, `year`, or any metadata / conditions field);
    /// `nil`: the strategy's default field.
    public var field: String?
    /// Attribute values held out as test.
    public var values: [String]?
    /// Numeric attribute values at or above this are test (time splits).
    public var min: Double?

    /// Creates a selection.
    public init(field: String? = nil, values: [String]? = nil, min: Double? = nil) {
        self.field = field
        self.values = values
        self.min = min
    }
}
