/// A `loop_`: a table whose columns are tags.
public struct CIFLoop: Sendable, Hashable {
    /// Column tags in lower case, in file order.
    public let tags: [String]
    /// Rows, each with one value per tag.
    public let rows: [[CIFValue]]
    /// 1-based line of the `loop_` keyword.
    public let line: Int

    /// Creates a loop. Every row must have `tags.count` values.
    public init(tags: [String], rows: [[CIFValue]], line: Int) {
        self.tags = tags
        self.rows = rows
        self.line = line
    }

    /// Index of the column for `tag` (case-insensitive), if present.
    public func column(_ tag: String) -> Int? {
        tags.firstIndex(of: tag.lowercased())
    }

    /// The values of one column, or `nil` if the loop lacks it.
    public func values(_ tag: String) -> [CIFValue]? {
        guard let index = column(tag) else { return nil }
        return rows.map { $0[index] }
    }
}
