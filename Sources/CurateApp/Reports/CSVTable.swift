import CurateIO

/// A CSV file with a header read into memory, cells looked up by column name.
struct CSVTable {
    let path: String
    let columns: [String: Int]
    let rows: [CSVRow]

    /// Reads all of `path`; a missing or malformed file is an error naming it.
    init(path: String) throws {
        do {
            let reader = try CSVReader(path: path)
            let names = reader.header?.fields ?? []
            columns = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            rows = try reader.readAll()
            self.path = path
        } catch {
            throw WorkflowError("\(path): \(error)")
        }
    }

    /// The cell of `column` in `row`, nil when the column is absent.
    func value(_ row: CSVRow, _ column: String) -> String? {
        columns[column].flatMap { row.field($0) }
    }
}
