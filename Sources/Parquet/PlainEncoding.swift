/// Parquet's PLAIN encoding of the non-null values of a page.
enum PlainEncoding {
    /// Little-endian bytes of a fixed-width integer.
    static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    /// Appends the little-endian bytes of `value` (no intermediate array).
    @inline(__always)
    static func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// INT64: 8 bytes little-endian each.
    static func append(_ values: some Sequence<Int64>, to bytes: inout [UInt8]) {
        for value in values { appendLittleEndian(value, to: &bytes) }
    }

    /// DOUBLE: the IEEE 754 bits, 8 bytes little-endian each.
    static func append(_ values: some Sequence<Double>, to bytes: inout [UInt8]) {
        for value in values { appendLittleEndian(value.bitPattern, to: &bytes) }
    }

    /// BOOLEAN: one bit per value, least significant bit first, the last byte zero-padded.
    static func append(_ values: some Sequence<Bool>, to bytes: inout [UInt8]) {
        var current: UInt8 = 0
        var filled = 0
        for value in values {
            if value { current |= 1 << UInt8(filled) }
            filled += 1
            if filled == 8 {
                bytes.append(current)
                current = 0
                filled = 0
            }
        }
        if filled > 0 { bytes.append(current) }
    }

    /// BYTE_ARRAY: a 4-byte little-endian length, then the UTF-8 bytes, each.
    static func append(_ values: some Sequence<String>, to bytes: inout [UInt8]) {
        for value in values {
            appendLittleEndian(UInt32(value.utf8.count), to: &bytes)
            bytes.append(contentsOf: value.utf8)
        }
    }
}
