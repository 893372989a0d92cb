/// One column's rows of one row group, encoded as the body of a single PLAIN data page (v1):
/// repetition levels, definition levels, then the non-null values.
struct EncodedChunk {
    /// Page body: levels and values.
    var body: [UInt8]
    /// Level entries in the page (rows, plus list elements beyond the first of each row).
    var valueCount: Int
    var nullCount: Int
    /// PLAIN-encoded minimum and maximum, where the column keeps statistics.
    var bounds: (min: [UInt8], max: [UInt8])?
}

enum ColumnChunkEncoder {
    /// Strings longer than this keep no min/max (statistics would bloat the footer).
    static let statisticsStringLimit = 64

    static func encode(_ column: ParquetColumn, rows: Range<Int>) -> EncodedChunk {
        switch column.values {
        case .int64(let values):
            let slice = values[rows]
            let present = slice.compactMap { $0 }
            var body = levels(slice.map { $0 != nil }, nullable: column.nullable)
            PlainEncoding.append(present, to: &body)
            let bounds = present.min().flatMap { min in present.max().map { (PlainEncoding.littleEndian(min), PlainEncoding.littleEndian($0)) } }
            return EncodedChunk(body: body, valueCount: slice.count, nullCount: slice.count - present.count, bounds: bounds)
        case .double(let values):
            let slice = values[rows]
            let present = slice.compactMap { $0 }
            var body = levels(slice.map { $0 != nil }, nullable: column.nullable)
            PlainEncoding.append(present, to: &body)
            return EncodedChunk(body: body, valueCount: slice.count, nullCount: slice.count - present.count, bounds: doubleBounds(present))
        case .boolean(let values):
            let slice = values[rows]
            let present = slice.compactMap { $0 }
            var body = levels(slice.map { $0 != nil }, nullable: column.nullable)
            PlainEncoding.append(present, to: &body)
            let bounds = present.isEmpty ? nil : ([present.allSatisfy { $0 } ? UInt8(1) : 0], [present.contains(true) ? UInt8(1) : 0])
            return EncodedChunk(body: body, valueCount: slice.count, nullCount: slice.count - present.count, bounds: bounds)
        case .string(let values):
            let slice = values[rows]
            let present = slice.compactMap { $0 }
            var body = levels(slice.map { $0 != nil }, nullable: column.nullable)
            PlainEncoding.append(present, to: &body)
            return EncodedChunk(body: body, valueCount: slice.count, nullCount: slice.count - present.count, bounds: stringBounds(present))
        case .stringList(let lists):
            return encodeLists(lists[rows])
        }
    }

    /// Definition levels (1 present, 0 null) of a nullable column; nothing for a required one.
    private static func levels(_ present: [Bool], nullable: Bool) -> [UInt8] {
        nullable ? LevelEncoding.encode(present.map { $0 ? 1 : 0 }) : []
    }

    /// A required list of required strings: an empty list is one entry at definition level 0;
    /// each element is an entry at definition level 1, repetition level 0 for a row's first
    /// element and 1 for the rest.
    private static func encodeLists(_ lists: ArraySlice<[String]>) -> EncodedChunk {
        var repetition: [UInt8] = []
        var definition: [UInt8] = []
        for list in lists {
            if list.isEmpty {
                repetition.append(0)
                definition.append(0)
            } else {
                repetition.append(0)
                repetition += repeatElement(1, count: list.count - 1)
                definition += repeatElement(1, count: list.count)
            }
        }
        var body = LevelEncoding.encode(repetition) + LevelEncoding.encode(definition)
        PlainEncoding.append(lists.joined(), to: &body)
        return EncodedChunk(body: body, valueCount: repetition.count, nullCount: 0, bounds: nil)
    }

    /// Min and max of doubles; none when there are none or a NaN. A zero minimum is written
    /// as -0.0 and a zero maximum as +0.0, as the format asks.
    private static func doubleBounds(_ values: [Double]) -> (min: [UInt8], max: [UInt8])? {
        guard var low = values.first, !values.contains(where: \.isNaN) else { return nil }
        var high = low
        for value in values {
            low = Swift.min(low, value)
            high = Swift.max(high, value)
        }
        if low == 0 { low = -0.0 }
        if high == 0 { high = 0.0 }
        return (PlainEncoding.littleEndian(low.bitPattern), PlainEncoding.littleEndian(high.bitPattern))
    }

    /// Min and max in unsigned byte order (the order of STRING columns); none when either
    /// bound is longer than ``statisticsStringLimit`` bytes.
    private static func stringBounds(_ values: [String]) -> (min: [UInt8], max: [UInt8])? {
        guard var low = values.first else { return nil }
        var high = low
        for value in values {
            if value.utf8.lexicographicallyPrecedes(low.utf8) { low = value }
            if high.utf8.lexicographicallyPrecedes(value.utf8) { high = value }
        }
        guard low.utf8.count <= statisticsStringLimit, high.utf8.count <= statisticsStringLimit else { return nil }
        return (Array(low.utf8), Array(high.utf8))
    }
}
