import Foundation

/// Scalar fields of an observation's conditions and metadata JSON objects.
enum ObservationFields {
    /// The field's value as text (conditions first, then metadata), or nil.
    static func value(_ field: String, conditionsJSON: String?, metadataJSON: String?) -> String? {
        for json in [conditionsJSON, metadataJSON].compactMap({ $0 }) where json.contains("\"\(field)\"") {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else { continue }
            switch object[field] {
            case let text as String: return text
            case let number as NSNumber: return number.stringValue
            default: continue
            }
        }
        return nil
    }
}
