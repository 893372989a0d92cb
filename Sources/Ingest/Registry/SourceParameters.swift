/// What a caller may say about the values of an input whose header does not (`--property`,
/// `--unit`, `--value-column`, or the same fields of a dataset spec's source). Kinds whose files
/// name their values themselves ignore them.
public struct SourceParameters: Sendable, Equatable {
    /// Property the value column holds; `nil` to take it from the column's header.
    public var property: String?
    /// Unit of the values; `nil` for the known unit of the property.
    public var unit: String?
    /// Header of the value column when several are possible; `nil` to detect it.
    public var valueColumn: String?

    /// Creates parameters; all default to "detect from the file".
    public init(property: String? = nil, unit: String? = nil, valueColumn: String? = nil) {
        self.property = property
        self.unit = unit
        self.valueColumn = valueColumn
    }
}
