import Foundation

/// Any JSON value, so that JSON stored as text (evidence, provenance) is re-emitted nested in a
/// command's JSON output instead of as an escaped string.
public enum StoredJSON: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([StoredJSON])
    case object([String: StoredJSON])

    /// Parses `text`; text that is not JSON is kept as a string.
    public init(text: String) {
        guard let value = try? JSONDecoder().decode(StoredJSON.self, from: Data(text.utf8)) else {
            self = .string(text)
            return
        }
        self = value
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([StoredJSON].self) { self = .array(value) }
        else { self = .object(try container.decode([String: StoredJSON].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
