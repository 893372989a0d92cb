import Foundation

/// Deterministic JSON for the small dictionaries the store records (sorted keys, no
/// whitespace), so that identical inputs produce byte-identical rows.
enum CanonicalJSON {
    static func encode(_ dictionary: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(dictionary), as: UTF8.self)
        } catch {
            throw StoreError.invalidArgument(name: "options", reason: "cannot encode as JSON: \(error)")
        }
    }

    static func decodeDictionary(_ json: String, table: String) throws -> [String: String] {
        do {
            return try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        } catch {
            throw StoreError.corruptRow(table: table, reason: "options_json is not a JSON object of strings")
        }
    }
}
