import CurateIO

/// A small CSV table with a header, read for screening and candidate generation; every
/// problem names the file, the line and the column.
struct DiscoveryTable {
    let path: String
    let header: [String]
    let rows: [CSVRow]

    init(path: String) throws(ScreeningError) {
        do {
            let reader = try CSVReader(path: path)
            var rows: [CSVRow] = []
            while let row = try reader.next() {
                if row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
                rows.append(row)
            }
            header = (reader.header?.fields ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
            self.rows = rows
        } catch {
            if case .emptyFile = error { throw .empty(path: path) }
            throw .unreadable(path: path, reason: error.description)
        }
        self.path = path
        if header.isEmpty || rows.isEmpty { throw .empty(path: path) }
    }

    /// The index of the first of `names` present, or nil.
    func column(_ names: [String]) -> Int? {
        for name in names { if let index = header.firstIndex(of: name) { return index } }
        return nil
    }

    /// The index of `name`; throws `missingColumn` when absent.
    func required(_ name: String) throws(ScreeningError) -> Int {
        guard let index = header.firstIndex(of: name) else { throw .missingColumn(path: path, column: name, available: header) }
        return index
    }

    /// The trimmed text of a field.
    func text(_ row: CSVRow, _ index: Int) -> String {
        (row.field(index) ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// A finite number, or `invalidField`.
    func number(_ row: CSVRow, _ index: Int) throws(ScreeningError) -> Double {
        let value = text(row, index)
        guard let number = Double(value), number.isFinite else {
            throw .invalidField(path: path, line: row.line, field: header[index], value: value, reason: "not a finite number")
        }
        return number
    }
}
