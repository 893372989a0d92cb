/// Writes Thrift's compact protocol, the encoding of Parquet's page headers and file metadata.
///
/// Only what Parquet's metadata needs: structs (and unions, which are structs with one field
/// set), i32, i64, binary/string, lists of structs, i32s and strings. Fields must be written in
/// increasing id order within a struct so their ids encode as deltas.
struct ThriftCompactWriter {
    /// Compact-protocol type codes.
    enum FieldType: UInt8 {
        case i16 = 4, i32 = 5, i64 = 6, binary = 8, list = 9, structure = 12
    }

    private(set) var bytes: [UInt8] = []
    /// Id of the last field written in each open struct (innermost last).
    private var lastFieldIds: [Int16] = [0]

    // MARK: Fields

    mutating func i32(_ id: Int16, _ value: Int32) {
        fieldHeader(id, .i32)
        varint(UInt64(UInt32(bitPattern: (value << 1) ^ (value >> 31))))
    }

    mutating func i16(_ id: Int16, _ value: Int16) {
        fieldHeader(id, .i16)
        zigzag16(value)
    }

    mutating func i64(_ id: Int16, _ value: Int64) {
        fieldHeader(id, .i64)
        zigzag64(value)
    }

    mutating func binary(_ id: Int16, _ value: [UInt8]) {
        fieldHeader(id, .binary)
        varint(UInt64(value.count))
        bytes += value
    }

    mutating func string(_ id: Int16, _ value: String) { binary(id, Array(value.utf8)) }

    /// A struct field; `body` writes its fields.
    mutating func structure(_ id: Int16, _ body: (inout ThriftCompactWriter) -> Void) {
        fieldHeader(id, .structure)
        structBody(body)
    }

    /// An empty struct field (e.g. a union member whose type has no fields, like `StringType`).
    mutating func emptyStructure(_ id: Int16) { structure(id) { _ in } }

    /// A list of structs, `body` called once per element to write its fields.
    mutating func structList<Element>(_ id: Int16, _ elements: [Element], _ body: (inout ThriftCompactWriter, Element) -> Void) {
        fieldHeader(id, .list)
        listHeader(count: elements.count, type: .structure)
        for element in elements { structBody { body(&$0, element) } }
    }

    mutating func i32List(_ id: Int16, _ values: [Int32]) {
        fieldHeader(id, .list)
        listHeader(count: values.count, type: .i32)
        for value in values { varint(UInt64(UInt32(bitPattern: (value << 1) ^ (value >> 31)))) }
    }

    mutating func stringList(_ id: Int16, _ values: [String]) {
        fieldHeader(id, .list)
        listHeader(count: values.count, type: .binary)
        for value in values {
            varint(UInt64(value.utf8.count))
            bytes += value.utf8
        }
    }

    /// A whole top-level struct: its fields, then the stop byte.
    static func message(_ body: (inout ThriftCompactWriter) -> Void) -> [UInt8] {
        var writer = ThriftCompactWriter()
        body(&writer)
        writer.bytes.append(0)
        return writer.bytes
    }

    // MARK: Encoding

    private mutating func structBody(_ body: (inout ThriftCompactWriter) -> Void) {
        lastFieldIds.append(0)
        body(&self)
        bytes.append(0)  // stop
        lastFieldIds.removeLast()
    }

    /// Short form (delta 1...15 in the high nibble) when it fits, else the type then the id.
    private mutating func fieldHeader(_ id: Int16, _ type: FieldType) {
        let last = lastFieldIds[lastFieldIds.count - 1]
        let delta = Int(id) - Int(last)
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            zigzag16(id)
        }
        lastFieldIds[lastFieldIds.count - 1] = id
    }

    private mutating func listHeader(count: Int, type: FieldType) {
        if count < 15 {
            bytes.append(UInt8(count) << 4 | type.rawValue)
        } else {
            bytes.append(0xF0 | type.rawValue)
            varint(UInt64(count))
        }
    }

    private mutating func zigzag16(_ value: Int16) {
        varint(UInt64(UInt16(bitPattern: (value << 1) ^ (value >> 15))))
    }

    private mutating func zigzag64(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Unsigned LEB128.
    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}
