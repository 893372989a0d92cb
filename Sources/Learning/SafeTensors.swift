import CurateIO
import Foundation

/// Reads and writes the `safetensors` weight format with Float32 tensors:
/// an 8-byte little-endian header length N, N bytes of JSON header
/// (`{"__metadata__": {…}, "name": {"dtype": "F32", "shape": […], "data_offsets": [begin, end]}, …}`,
/// padded with spaces to a multiple of 8), then the raw little-endian data, tensors in sorted
/// name order. Files written here open in Python's `safetensors` and vice versa.
public enum SafeTensors {
    /// The largest header accepted when reading (as in the reference implementation).
    public static let maximumHeaderLength = 100_000_000

    /// Encodes named tensors and optional string metadata.
    public static func encode(_ tensors: [String: Tensor], metadata: [String: String] = [:]) -> Data {
        let names = tensors.keys.sorted()
        var header = "{"
        var fields: [String] = []
        if !metadata.isEmpty {
            let entries = metadata.keys.sorted().map { key in
                "\(JSONText.quote(key)):\(JSONText.quote(metadata[key] ?? ""))"
            }
            fields.append("\"__metadata__\":{\(entries.joined(separator: ","))}")
        }
        var offset = 0
        for name in names {
            guard let tensor = tensors[name] else { continue }
            let end = offset + tensor.count * 4
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            fields.append("\(JSONText.quote(name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        header += fields.joined(separator: ",") + "}"
        var headerBytes = Array(header.utf8)
        while headerBytes.count % 8 != 0 { headerBytes.append(0x20) }

        var data = Data(capacity: 8 + headerBytes.count + offset)
        appendLittleEndian(UInt64(headerBytes.count), to: &data)
        data.append(contentsOf: headerBytes)
        for name in names {
            guard let tensor = tensors[name] else { continue }
            var bytes = [UInt8](repeating: 0, count: tensor.count * 4)
            for (i, value) in tensor.scalars.enumerated() {
                let bits = value.bitPattern.littleEndian
                bytes[4 * i] = UInt8(truncatingIfNeeded: bits)
                bytes[4 * i + 1] = UInt8(truncatingIfNeeded: bits >> 8)
                bytes[4 * i + 2] = UInt8(truncatingIfNeeded: bits >> 16)
                bytes[4 * i + 3] = UInt8(truncatingIfNeeded: bits >> 24)
            }
            data.append(contentsOf: bytes)
        }
        return data
    }

    /// Decodes a safetensors buffer, checking the header, the data type (F32 only), that every
    /// tensor's byte range matches its shape, and that the ranges tile the data area exactly.
    public static func decode(_ data: Data) throws -> (tensors: [String: Tensor], metadata: [String: String]) {
        let bytes = [UInt8](data)
        guard bytes.count >= 8 else { throw LearningError.invalidSafeTensors("\(bytes.count) bytes, shorter than the 8-byte header length") }
        var length: UInt64 = 0
        for i in 0..<8 { length |= UInt64(bytes[i]) << (8 * UInt64(i)) }
        guard length <= UInt64(maximumHeaderLength), Int(length) <= bytes.count - 8 else {
            throw LearningError.invalidSafeTensors("header length \(length) exceeds the file (\(bytes.count) bytes)")
        }
        let headerEnd = 8 + Int(length)
        let header: RawHeader
        do {
            header = try JSONDecoder().decode(RawHeader.self, from: Data(bytes[8..<headerEnd]))
        } catch {
            throw LearningError.invalidSafeTensors("header is not valid JSON of the expected form (\(error))")
        }
        let dataLength = bytes.count - headerEnd
        var tensors: [String: Tensor] = [:]
        var ranges: [(begin: Int, end: Int, name: String)] = []
        for (name, entry) in header.entries {
            guard entry.dtype == "F32" else { throw LearningError.unsupportedDType(name: name, dtype: entry.dtype) }
            guard entry.dataOffsets.count == 2 else {
                throw LearningError.invalidSafeTensors("'\(name)': data_offsets must hold two numbers")
            }
            let begin = entry.dataOffsets[0], end = entry.dataOffsets[1]
            guard begin >= 0, begin <= end, end <= dataLength else {
                throw LearningError.invalidSafeTensors("'\(name)': data_offsets [\(begin), \(end)] outside the \(dataLength)-byte data area")
            }
            var elements = 1
            for dimension in entry.shape {
                guard dimension >= 0 else { throw LearningError.invalidSafeTensors("'\(name)': negative dimension") }
                let (product, overflow) = elements.multipliedReportingOverflow(by: dimension)
                guard !overflow, product <= dataLength else {
                    throw LearningError.invalidSafeTensors("'\(name)': shape \(entry.shape) larger than the file")
                }
                elements = product
            }
            guard end - begin == elements * 4 else {
                throw LearningError.invalidSafeTensors("'\(name)': shape \(entry.shape) needs \(elements * 4) bytes, data_offsets give \(end - begin)")
            }
            var values = [Float](repeating: 0, count: elements)
            for i in 0..<elements {
                let at = headerEnd + begin + 4 * i
                let bits = UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
                values[i] = Float(bitPattern: bits)
            }
            tensors[name] = Tensor(shape: entry.shape, scalars: values)
            ranges.append((begin, end, name))
        }
        ranges.sort { ($0.begin, $0.end) < ($1.begin, $1.end) }
        var expected = 0
        for range in ranges {
            guard range.begin == expected else {
                throw LearningError.invalidSafeTensors("'\(range.name)': data starts at \(range.begin), expected \(expected) (gap or overlap)")
            }
            expected = range.end
        }
        guard expected == dataLength else {
            throw LearningError.invalidSafeTensors("tensors cover \(expected) of \(dataLength) data bytes")
        }
        return (tensors, header.metadata)
    }

    /// Writes `tensors` to `url` atomically.
    public static func write(_ tensors: [String: Tensor], metadata: [String: String] = [:], to url: URL) throws {
        try encode(tensors, metadata: metadata).write(to: url, options: .atomic)
    }

    /// Reads a safetensors file.
    public static func read(from url: URL) throws -> (tensors: [String: Tensor], metadata: [String: String]) {
        try decode(Data(contentsOf: url))
    }

    private static func appendLittleEndian(_ value: UInt64, to data: inout Data) {
        for i in 0..<8 { data.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
    }

    private struct Entry: Decodable {
        let dtype: String
        let shape: [Int]
        let dataOffsets: [Int]

        enum CodingKeys: String, CodingKey {
            case dtype, shape
            case dataOffsets = "data_offsets"
        }
    }

    private struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private struct RawHeader: Decodable {
        var entries: [String: Entry] = [:]
        var metadata: [String: String] = [:]

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            for key in container.allKeys {
                if key.stringValue == "__metadata__" {
                    metadata = try container.decode([String: String].self, forKey: key)
                } else {
                    entries[key.stringValue] = try container.decode(Entry.self, forKey: key)
                }
            }
        }
    }
}
