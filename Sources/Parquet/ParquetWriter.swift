/// Writes a ``ParquetTable`` as the bytes of a Parquet file.
///
/// The file is `PAR1`, then for each row group (``Options/rowsPerGroup`` rows) one column chunk
/// per column, each a single uncompressed PLAIN data page (v1) with RLE levels, then the file
/// metadata in Thrift's compact protocol, its length (4 bytes little-endian) and `PAR1` again.
/// Nothing depends on time or on the machine: the same table and options give the same bytes.
public enum ParquetWriter {
    /// Layout and identification choices.
    public struct Options: Sendable {
        /// Rows in each row group (the last may hold fewer).
        public var rowsPerGroup: Int
        /// The file metadata's `created_by` (e.g. `curate version 1.2.0`); none when nil.
        public var createdBy: String?
        /// Key/value pairs for the file metadata, written in the order given.
        public var metadata: [(key: String, value: String)]

        public init(rowsPerGroup: Int = 100_000, createdBy: String? = nil, metadata: [(key: String, value: String)] = []) {
            self.rowsPerGroup = rowsPerGroup
            self.createdBy = createdBy
            self.metadata = metadata
        }
    }

    static let magic = Array("PAR1".utf8)

    /// The file's bytes; throws when the table is malformed (see ``ParquetTable/validate()``).
    public static func write(_ table: ParquetTable, options: Options = Options()) throws(ParquetError) -> [UInt8] {
        try table.validate()
        guard options.rowsPerGroup >= 1 else { throw .rowsPerGroup(options.rowsPerGroup) }
        let layouts = table.columns.map(ColumnLayout.init)
        var file = magic
        var rowGroups: [FileMetadata.RowGroup] = []
        var start = 0
        while start < table.rowCount {
            let rows = start..<Swift.min(start + options.rowsPerGroup, table.rowCount)
            var chunks: [FileMetadata.Chunk] = []
            for (column, layout) in zip(table.columns, layouts) {
                let encoded = ColumnChunkEncoder.encode(column, rows: rows)
                guard encoded.body.count <= Int(Int32.max) - 1024 else { throw .pageTooLarge(column: column.name, bytes: encoded.body.count) }
                let header = FileMetadata.pageHeader(bodyBytes: encoded.body.count, valueCount: encoded.valueCount)
                chunks.append(FileMetadata.Chunk(layout: layout, offset: file.count, bytes: header.count + encoded.body.count,
                                                 valueCount: encoded.valueCount, nullCount: encoded.nullCount, bounds: encoded.bounds))
                file += header
                file += encoded.body
            }
            rowGroups.append(FileMetadata.RowGroup(chunks: chunks, rows: rows.count))
            start = rows.upperBound
        }
        let footer = FileMetadata.fileMetadata(layouts: layouts, rowGroups: rowGroups, rows: table.rowCount, options: options)
        file += footer
        file += PlainEncoding.littleEndian(UInt32(footer.count))
        file += magic
        return file
    }
}
