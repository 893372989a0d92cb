import Foundation
import Store

/// Reads per-observation attributes (entry ids, space groups, batches, years) from the JSON
/// objects the ingesters keep with each observation.
public enum RecordAttributes {
    /// The source's entry id (`"id"` in the metadata), if any.
    public static func entryId(metadataJSON: String?) -> String? {
        guard let metadataJSON, metadataJSON.contains("\"id\"") else { return nil }
        return object(metadataJSON)["id"]
    }

    /// Values of `field` for one observation: the field in its metadata or conditions object;
    /// for `batch`, also the substitution round of a WBM id (`wbm-3-1234` → `3`).
    public static func values(of field: String, in input: CurationInput) -> [String] {
        var found: [String] = []
        for json in [input.metadataJSON, input.conditionsJSON].compactMap({ $0 }) {
            if let value = object(json)[field] { found.append(value) }
        }
        if field == "batch", found.isEmpty, let id = entryId(metadataJSON: input.metadataJSON), let round = wbmRound(id) {
            found.append(round)
        }
        return found
    }

    /// The substitution round of a WBM material id, or nil for other ids.
    public static func wbmRound(_ id: String) -> String? {
        let parts = id.split(separator: "-")
        guard parts.count == 3, parts[0] == "wbm", let round = Int(parts[1]), (1...5).contains(round) else { return nil }
        return String(round)
    }

    /// A flat JSON object's scalar members as text (numbers as written, strings unquoted).
    static func object(_ json: String) -> [String: String] {
        guard let data = json.data(using: .utf8),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return [:] }
        var result: [String: String] = [:]
        for (key, value) in object {
            switch value {
            case let text as String: result[key] = text
            case let number as NSNumber: result[key] = number.stringValue
            default: continue
            }
        }
        return result
    }
}
