import Foundation

/// Deterministic JSON for the small string dictionaries the store records (sorted keys, no
/// whitespace, `/` unescaped), so that identical inputs produce byte-identical rows.
public enum CanonicalJSON {
    /// Why a dictionary could not be written as JSON, or a text read back as one.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// `dictionary` as canonical JSON text.
    public static func encode(_ dictionary: [String: String]) throws(Failure) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(dictionary), as: UTF8.self)
        } catch {
            throw Failure(description: "cannot encode as JSON: \(error)")
        }
    }

    /// The JSON object of strings in `json`.
    public static func decodeDictionary(_ json: String) throws(Failure) -> [String: String] {
        do {
            return try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        } catch {
            throw Failure(description: "not a JSON object of strings")
        }
    }
}
