/// How a column is laid out in Parquet's schema: its physical type, annotations, the path of its
/// leaf and its maximum repetition and definition levels.
struct ColumnLayout {
    /// Parquet `Type` codes.
    enum PhysicalType: Int32 {
        case boolean = 0, int64 = 2, double = 5, byteArray = 6
    }

    var physicalType: PhysicalType
    /// Whether the leaf holds UTF-8 text (converted type UTF8, logical type STRING).
    var isString: Bool
    /// Whether the column is a three-level LIST (`<name>` → repeated `list` → `element`).
    var isList: Bool
    var nullable: Bool
    var name: String

    init(_ column: ParquetColumn) {
        name = column.name
        nullable = column.nullable
        isList = false
        isString = false
        switch column.values {
        case .int64: physicalType = .int64
        case .double: physicalType = .double
        case .boolean: physicalType = .boolean
        case .string:
            physicalType = .byteArray
            isString = true
        case .stringList:
            physicalType = .byteArray
            isString = true
            isList = true
            nullable = false
        }
    }

    /// Path of the leaf in the schema.
    var path: [String] { isList ? [name, "list", "element"] : [name] }
    /// 1 for lists (an element present), 1 for nullable scalars (a value present), else 0.
    var maxDefinitionLevel: Int { isList || nullable ? 1 : 0 }
    var maxRepetitionLevel: Int { isList ? 1 : 0 }
}
