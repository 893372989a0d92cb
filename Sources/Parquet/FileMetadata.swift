/// Parquet's Thrift structures (from the format's `parquet.thrift`), written with the compact
/// protocol: page headers, the schema, row groups and the file metadata. Field ids are the
/// ones the format defines; comments name each field.
enum FileMetadata {
    /// One column chunk as the footer describes it.
    struct Chunk {
        var layout: ColumnLayout
        /// Offset of the chunk's (only) page header in the file.
        var offset: Int
        /// Header plus body bytes.
        var bytes: Int
        var valueCount: Int
        var nullCount: Int
        var bounds: (min: [UInt8], max: [UInt8])?
    }

    struct RowGroup {
        var chunks: [Chunk]
        var rows: Int
    }

    /// Encoding codes.
    static let plain: Int32 = 0, rle: Int32 = 3

    /// PageHeader of an uncompressed DATA_PAGE.
    static func pageHeader(bodyBytes: Int, valueCount: Int) -> [UInt8] {
        ThriftCompactWriter.message { header in
            header.i32(1, 0)                       // type: DATA_PAGE
            header.i32(2, Int32(bodyBytes))        // uncompressed_page_size
            header.i32(3, Int32(bodyBytes))        // compressed_page_size
            header.structure(5) { page in          // data_page_header
                page.i32(1, Int32(valueCount))     // num_values
                page.i32(2, plain)                 // encoding
                page.i32(3, rle)                   // definition_level_encoding
                page.i32(4, rle)                   // repetition_level_encoding
            }
        }
    }

    /// FileMetaData: version, schema, rows, row groups, key/value metadata, created_by and the
    /// column orders (so readers trust the min/max statistics).
    static func fileMetadata(layouts: [ColumnLayout], rowGroups: [RowGroup], rows: Int,
                             options: ParquetWriter.Options) -> [UInt8] {
        ThriftCompactWriter.message { meta in
            meta.i32(1, 2)                                                     // version
            meta.structList(2, schemaElements(layouts)) { writer, element in element(&writer) }  // schema
            meta.i64(3, Int64(rows))                                           // num_rows
            meta.structList(4, Array(rowGroups.enumerated())) { writer, item in rowGroup(item.element, ordinal: item.offset, &writer) }
            if !options.metadata.isEmpty {
                meta.structList(5, options.metadata) { pair, item in          // key_value_metadata
                    pair.string(1, item.key)
                    pair.string(2, item.value)
                }
            }
            if let createdBy = options.createdBy { meta.string(6, createdBy) } // created_by
            meta.structList(7, layouts) { order, _ in order.emptyStructure(1) } // column_orders: TYPE_ORDER
        }
    }

    /// The schema in depth-first order: the root, then each column (a list column as its
    /// three levels).
    private static func schemaElements(_ layouts: [ColumnLayout]) -> [(inout ThriftCompactWriter) -> Void] {
        var elements: [(inout ThriftCompactWriter) -> Void] = [{ root in
            root.string(4, "schema")                 // name
            root.i32(5, Int32(layouts.count))        // num_children
        }]
        for layout in layouts {
            if layout.isList {
                elements.append { list in
                    list.i32(3, 0)                   // repetition_type: REQUIRED
                    list.string(4, layout.name)
                    list.i32(5, 1)                   // num_children
                    list.i32(6, 3)                   // converted_type: LIST
                    list.structure(10) { $0.emptyStructure(3) }  // logicalType: LIST
                }
                elements.append { group in
                    group.i32(3, 2)                  // repetition_type: REPEATED
                    group.string(4, "list")
                    group.i32(5, 1)
                }
                elements.append { leaf(&$0, layout, name: "element", repetition: 0) }
            } else {
                elements.append { leaf(&$0, layout, name: layout.name, repetition: layout.nullable ? 1 : 0) }
            }
        }
        return elements
    }

    private static func leaf(_ element: inout ThriftCompactWriter, _ layout: ColumnLayout, name: String, repetition: Int32) {
        element.i32(1, layout.physicalType.rawValue)  // type
        element.i32(3, repetition)                    // repetition_type: REQUIRED 0, OPTIONAL 1
        element.string(4, name)
        if layout.isString {
            element.i32(6, 0)                         // converted_type: UTF8
            element.structure(10) { $0.emptyStructure(1) }  // logicalType: STRING
        }
    }

    private static func rowGroup(_ group: RowGroup, ordinal: Int, _ writer: inout ThriftCompactWriter) {
        writer.structList(1, group.chunks) { chunk, item in      // columns
            chunk.i64(2, 0)                                       // file_offset (deprecated: 0)
            chunk.structure(3) { columnMetadata(&$0, item) }       // meta_data
        }
        let bytes = group.chunks.reduce(0) { $0 + $1.bytes }
        writer.i64(2, Int64(bytes))                               // total_byte_size
        writer.i64(3, Int64(group.rows))                          // num_rows
        writer.i64(5, Int64(group.chunks.first?.offset ?? 0))     // file_offset
        writer.i64(6, Int64(bytes))                               // total_compressed_size
        if ordinal <= Int(Int16.max) { writer.i16(7, Int16(ordinal)) }  // ordinal
    }

    private static func columnMetadata(_ meta: inout ThriftCompactWriter, _ chunk: Chunk) {
        let layout = chunk.layout
        meta.i32(1, layout.physicalType.rawValue)                 // type
        meta.i32List(2, layout.maxDefinitionLevel > 0 ? [plain, rle] : [plain])  // encodings
        meta.stringList(3, layout.path)                           // path_in_schema
        meta.i32(4, 0)                                            // codec: UNCOMPRESSED
        meta.i64(5, Int64(chunk.valueCount))                      // num_values
        meta.i64(6, Int64(chunk.bytes))                           // total_uncompressed_size
        meta.i64(7, Int64(chunk.bytes))                           // total_compressed_size
        meta.i64(9, Int64(chunk.offset))                          // data_page_offset
        if !layout.isList {
            meta.structure(12) { statistics in                    // statistics
                statistics.i64(3, Int64(chunk.nullCount))         // null_count
                if let bounds = chunk.bounds {
                    statistics.binary(5, bounds.max)              // max_value
                    statistics.binary(6, bounds.min)              // min_value
                }
            }
        }
    }
}
