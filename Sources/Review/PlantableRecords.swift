import Foundation

/// A release's records.jsonl read for planting errors: every line, and the JSON object of each
/// record line, which a planter changes and writes back in place (other lines stay byte-identical).
struct PlantableRecords {
    var lines: [String]
    /// Line index → its record.
    var objects: [Int: [String: Any]]

    /// Reads `text`; every non-blank line must be a JSON object with an `id` and a `composition`.
    init(_ text: String, path: String) throws(ReviewError) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        objects = [:]
        for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                throw .invalidLine(path: path, line: index + 1, field: "(line)", reason: "not a JSON object")
            }
            guard object["id"] is String else { throw .invalidLine(path: path, line: index + 1, field: "id", reason: "missing") }
            guard object["composition"] is String else {
                throw .invalidLine(path: path, line: index + 1, field: "composition", reason: "missing")
            }
            objects[index] = object
        }
    }

    /// Record line indices in file order.
    var indices: [Int] { objects.keys.sorted() }

    /// The record's id.
    func id(_ index: Int) -> String { objects[index]?["id"] as? String ?? "" }

    /// Changes the record at `index` and rewrites its line (sorted keys, slashes unescaped).
    mutating func update(_ index: Int, _ change: (inout [String: Any]) -> Void) {
        guard var object = objects[index] else { return }
        change(&object)
        objects[index] = object
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) {
            lines[index] = String(decoding: data, as: UTF8.self)
        }
    }

    /// The text with every change.
    var text: String { lines.joined(separator: "\n") }
}
