import Foundation

/// The one JSON encoding every command uses: snake_case keys, sorted, no slashes escaped.
public enum JSONOutput {
    /// Encodes `value` on one line.
    public static func line<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self)
    }
}
