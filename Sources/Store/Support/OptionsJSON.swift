import CurateIO

/// The `options_json` column: canonical JSON of a string dictionary, failures as `StoreError`.
enum OptionsJSON {
    static func encode(_ options: [String: String]) throws(StoreError) -> String {
        do { return try CanonicalJSON.encode(options) } catch {
            throw StoreError.invalidArgument(name: "options", reason: error.description)
        }
    }

    static func decode(_ json: String, table: String) throws(StoreError) -> [String: String] {
        do { return try CanonicalJSON.decodeDictionary(json) } catch {
            throw StoreError.corruptRow(table: table, reason: "options_json is not a JSON object of strings")
        }
    }
}
