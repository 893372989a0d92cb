import CurateIO
/// How a Materials Project / pymatgen JSON file holds its records, and their byte ranges.
///
/// Shapes: a list of records (`[...]`), one entry or one document (`{...}` with `energy` or a
/// `material_id`/`task_id`), an API response (`{"data": [...], "meta": ...}`), or a dict of
/// entries keyed by name (`{"Li": entry, ...}`, the elemental-reference files); any other
/// object (a bare pymatgen `Structure`) is one record.
struct MPJSONLayout {
    /// One record: its position, key (in a keyed dict) and bytes.
    struct Record {
        /// 1-based position in the file.
        let number: Int
        /// The key in a keyed dict.
        let key: String?
        /// Byte range of the record's JSON text.
        let range: Range<Int>
        /// Human-readable position, e.g. `entry 12` or `entry "Li"`.
        let locator: String
    }

    /// `list`, `entry`, `document`, `api-response`, `keyed` or `object`.
    let shape: String
    let records: [Record]

    /// Splits the document held by `scanner`; a structural problem refuses the file.
    static func split(_ scanner: JSONDocumentScanner) throws(JSONDocumentScanner.Failure) -> MPJSONLayout {
        let root = try scanner.root()
        if scanner.opens(root, with: "[") {
            let elements = try scanner.elements(of: root)
            return MPJSONLayout(shape: "list", records: elements.enumerated().map {
                Record(number: $0.offset + 1, key: nil, range: $0.element, locator: "entry \($0.offset + 1)")
            })
        }
        guard scanner.opens(root, with: "{") else {
            throw JSONDocumentScanner.Failure(offset: root.lowerBound, message: "expected a JSON array or object")
        }
        let members = try scanner.members(of: root)
        let keys = Set(members.map(\.key))
        if !keys.isDisjoint(with: ["material_id", "task_id"]) {
            return MPJSONLayout(shape: "document", records: [Record(number: 1, key: nil, range: root, locator: "document")])
        }
        if keys.contains("energy") {
            return MPJSONLayout(shape: "entry", records: [Record(number: 1, key: nil, range: root, locator: "entry 1")])
        }
        if let data = members.first(where: { $0.key == "data" }), scanner.opens(data.value, with: "[") {
            let elements = try scanner.elements(of: data.value)
            return MPJSONLayout(shape: "api-response", records: elements.enumerated().map {
                Record(number: $0.offset + 1, key: nil, range: $0.element, locator: "data[\($0.offset)]")
            })
        }
        let keyed = !keys.contains("@class") && !keys.contains("@module") && !members.isEmpty
            && members.allSatisfy { scanner.opens($0.value, with: "{") }
        guard keyed else {
            return MPJSONLayout(shape: "object", records: [Record(number: 1, key: nil, range: root, locator: "object")])
        }
        return MPJSONLayout(shape: "keyed", records: members.enumerated().map {
            Record(number: $0.offset + 1, key: $0.element.key, range: $0.element.value, locator: "entry \(JSONText.quote($0.element.key))")
        })
    }
}
