import Foundation

/// Reads a pandas "split" JSON document (`{"index": [...], "columns": [...], "data": [[...]]}`,
/// the format of matbench task files, plain or compressed) into a ``BenchmarkTable``: one row
/// per `data` entry, its cells as text (strings decoded, a pymatgen structure dict as its JSON
/// text), its key from `index`. A document that is truncated, not JSON, or lacks `columns` or
/// `data` is refused before the store is touched; a row that is not an array is kept, marked
/// malformed, and quarantined by the interpreter.
enum MatbenchSplitJSON {
    /// The table in the decompressed `bytes` of `path`.
    static func read(bytes: [UInt8], path: String, compression: DFTInput.Compression) throws(IngestError) -> BenchmarkTable {
        let scanner = JSONDocumentScanner(bytes: bytes)
        let root: Range<Int>
        do { root = try scanner.root() } catch {
            throw .unreadable(path: path, reason: "not a JSON document: \(error)")
        }
        guard scanner.opens(root, with: "{") else {
            throw .unreadable(path: path, reason: "not a pandas split JSON document: the top level is not an object")
        }
        guard let columnsRange = scanner.member("columns", of: root), let dataRange = scanner.member("data", of: root),
              scanner.opens(columnsRange, with: "["), scanner.opens(dataRange, with: "[") else {
            throw .unreadable(path: path, reason: "not a pandas split JSON document: expected \"columns\" and \"data\" arrays (orient=\"split\")")
        }
        let header: [String]
        let dataRows: [Range<Int>]
        var keys: [String] = []
        do {
            header = try scanner.elements(of: columnsRange).map { cellText(scanner, $0) }
            dataRows = try scanner.elements(of: dataRange)
            if let indexRange = scanner.member("index", of: root), scanner.opens(indexRange, with: "[") {
                keys = try scanner.elements(of: indexRange).map { cellText(scanner, $0) }
            }
        } catch {
            throw .unreadable(path: path, reason: "not a JSON document: \(error)")
        }
        if !keys.isEmpty, keys.count != dataRows.count {
            throw .unreadable(path: path, reason: "\"index\" has \(keys.count) entries but \"data\" has \(dataRows.count) rows")
        }
        var rows: [BenchmarkTable.Row] = []
        rows.reserveCapacity(dataRows.count)
        for (offset, range) in dataRows.enumerated() {
            let number = offset + 1
            var cells: [String] = []
            var malformed: String?
            if scanner.opens(range, with: "["), let elements = try? scanner.elements(of: range) {
                cells = elements.map { cellText(scanner, $0) }
            } else {
                malformed = "the row is not a JSON array"
            }
            rows.append(BenchmarkTable.Row(number: number, locator: "data[\(offset)]", line: nil, raw: scanner.text(range),
                                           rawBytes: nil, cells: cells, key: keys.isEmpty ? nil : keys[offset], malformed: malformed))
        }
        let recorded = ["compression": compression.rawValue, "rows": String(rows.count)]
        return BenchmarkTable(format: "json", header: header, rows: rows, recorded: recorded)
    }

    /// A cell as text: a string decoded, `null` empty, anything else its JSON text.
    static func cellText(_ scanner: JSONDocumentScanner, _ range: Range<Int>) -> String {
        let text = scanner.text(range)
        if text == "null" { return "" }
        guard text.hasPrefix("\"") else { return text }
        return (try? JSONSerialization.jsonObject(with: scanner.data(range), options: .fragmentsAllowed)) as? String ?? text
    }
}
