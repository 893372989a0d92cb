/// A structure benchmark read into rows of text cells, whatever its file format (a CSV with a
/// CIF or pymatgen-dict column, a matbench "split" JSON, an aviary Wren CSV): what
/// ``BenchmarkRowInterpreter`` turns into records.
struct BenchmarkTable: Sendable {
    /// One data row: its cells as text (a JSON object cell as its JSON text, a JSON `null` as an
    /// empty cell), where it is, and its raw text as stored.
    struct Row: Sendable {
        /// 1-based data row number (header and comment lines not counted).
        let number: Int
        /// `row 12` for a CSV, `data[11]` for a JSON file.
        let locator: String
        /// 1-based line where the row starts, for files with lines.
        let line: Int?
        /// The row exactly as read.
        let raw: String
        /// The exact bytes when `raw` is not them (invalid UTF-8).
        let rawBytes: [UInt8]?
        /// The cells in column order.
        let cells: [String]
        /// The row's own key when the format has one (a matbench file's `index` entry).
        var key: String? = nil
        /// Why the row cannot be read as cells at all (a matbench row that is not an array).
        var malformed: String? = nil
    }

    /// `csv` or `matbench-json`.
    let format: String
    /// Column headers in file order.
    let header: [String]
    /// The data rows in file order.
    let rows: [Row]
    /// Options worth recording with the run (`compression`, `comment`).
    let recorded: [String: String]
}
