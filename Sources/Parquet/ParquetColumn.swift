/// One column of a table to write: a name, its values and whether it may hold nulls.
public struct ParquetColumn: Sendable {
    /// The values of a column, one per row; `nil` is a null (only in nullable columns).
    public enum Values: Sendable {
        /// 64-bit signed integers (Parquet INT64).
        case int64([Int64?])
        /// IEEE 754 doubles (Parquet DOUBLE).
        case double([Double?])
        /// Booleans (Parquet BOOLEAN).
        case boolean([Bool?])
        /// UTF-8 text (Parquet BYTE_ARRAY annotated STRING).
        case string([String?])
        /// A list of UTF-8 texts per row (Parquet's three-level LIST of STRING); a row's list
        /// may be empty but is never null, nor are its elements.
        case stringList([[String]])

        /// Number of rows.
        public var count: Int {
            switch self {
            case .int64(let values): values.count
            case .double(let values): values.count
            case .boolean(let values): values.count
            case .string(let values): values.count
            case .stringList(let values): values.count
            }
        }

        /// Index of the first null, if any.
        var firstNull: Int? {
            switch self {
            case .int64(let values): values.firstIndex(of: nil)
            case .double(let values): values.firstIndex { $0 == nil }
            case .boolean(let values): values.firstIndex(of: nil)
            case .string(let values): values.firstIndex(of: nil)
            case .stringList: nil
            }
        }
    }

    /// Column name (a top-level field of the file's schema).
    public var name: String
    /// The cells, one per row.
    public var values: Values
    /// Whether the column is OPTIONAL (nulls allowed) rather than REQUIRED.
    public var nullable: Bool

    /// A column; `nullable` must be true when `values` holds a nil.
    public init(name: String, values: Values, nullable: Bool = false) {
        self.name = name
        self.values = values
        self.nullable = nullable
    }
}

/// Columns of equal length, written as one Parquet file.
public struct ParquetTable: Sendable {
    /// The columns, in file order.
    public var columns: [ParquetColumn]

    /// A table of `columns` (checked when written).
    public init(columns: [ParquetColumn]) {
        self.columns = columns
    }

    /// Number of rows (that of the first column; `validate` checks the others).
    public var rowCount: Int { columns.first?.values.count ?? 0 }

    /// Checks names, lengths and nulls; every error names the column.
    public func validate() throws(ParquetError) {
        guard !columns.isEmpty else { throw .noColumns }
        var seen = Set<String>()
        for column in columns {
            guard !column.name.isEmpty else { throw .emptyColumnName }
            guard seen.insert(column.name).inserted else { throw .duplicateColumn(column.name) }
            guard column.values.count == rowCount else {
                throw .columnLength(column: column.name, rows: column.values.count, expected: rowCount)
            }
            if !column.nullable, let row = column.values.firstNull { throw .nullInRequiredColumn(column: column.name, row: row) }
        }
    }
}

/// Why a table cannot be written.
public enum ParquetError: Error, Equatable, CustomStringConvertible {
    /// The table has no columns.
    case noColumns
    /// A column has an empty name.
    case emptyColumnName
    /// Two columns share a name.
    case duplicateColumn(String)
    /// A column's row count differs from the first column's.
    case columnLength(column: String, rows: Int, expected: Int)
    /// A column that is not nullable has a nil.
    case nullInRequiredColumn(column: String, row: Int)
    /// The options ask for fewer than one row per group.
    case rowsPerGroup(Int)
    /// One column chunk of a row group does not fit a Parquet page (2 GiB).
    case pageTooLarge(column: String, bytes: Int)

    public var description: String {
        switch self {
        case .noColumns: "a Parquet table needs at least one column"
        case .emptyColumnName: "a Parquet column needs a non-empty name"
        case .duplicateColumn(let name): "column \"\(name)\" appears twice"
        case .columnLength(let column, let rows, let expected): "column \"\(column)\" has \(rows) rows, the first column \(expected)"
        case .nullInRequiredColumn(let column, let row): "column \"\(column)\" is not nullable but row \(row) is null"
        case .rowsPerGroup(let rows): "rows per row group must be at least 1, not \(rows)"
        case .pageTooLarge(let column, let bytes): "column \"\(column)\": a page of \(bytes) bytes exceeds Parquet's 2 GiB page limit; use smaller row groups"
        }
    }
}
