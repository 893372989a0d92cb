import Foundation

/// Deterministic JSON for what the review workflow stores (sorted keys, snake_case, no
/// whitespace), so that identical inputs write byte-identical rows.
enum ReviewJSON {
    static func encode<T: Encodable>(_ value: T) throws(ReviewError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw .invalidArgument(name: "JSON value", reason: "cannot encode: \(error)")
        }
    }
}
