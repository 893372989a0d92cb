import Foundation
import Store

/// Reads per-observation attributes (entry ids, space groups, batches, years) from the JSON
/// objects the ingesters keep with each observation.
public enum RecordAttributes {
    /// The source's entry id (`"id"` in the metadata), if any.
    public static func entryId(metadataJSON: String?) -> String? {
        guard let metadataJSON else { return nil }
        if let plain = plainStringMember("id", in: metadataJSON) { return plain }
        guard metadataJSON.contains("\"id\"") else { return nil }
        return object(metadataJSON)["id"]
    }

    /// Fast path for the common `{"id":"mp-1234",...}`: the member's string value when it has
    /// no escapes, else nil (the caller falls back to a full parse).
    static func plainStringMember(_ name: String, in json: String) -> String? {
        let needle = Array("\"\(name)\":\"".utf8)
        let bytes = Array(json.utf8)
        guard bytes.first == UInt8(ascii: "{"), bytes.count > needle.count else { return nil }
        var index = 1
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], Array(bytes[index..<(index + needle.count)]) == needle,
               bytes[index - 1] == UInt8(ascii: "{") || bytes[index - 1] == UInt8(ascii: ",") {
                let start = index + needle.count
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                    if bytes[end] == UInt8(ascii: "\\") { return nil }
                    end += 1
                }
                guard end < bytes.count else { return nil }
                return String(decoding: bytes[start..<end], as: UTF8.self)
            }
            index += 1
        }
        return nil
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
