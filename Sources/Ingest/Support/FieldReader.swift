import CurateIO
/// Reads cleaned field values from CSV rows and counts the repairs it made.
struct FieldReader {
    /// Columns holding formulas, where text such as `NaN` is a formula, not a missing value.
    let formulaColumns: Set<Int>
    /// Fields whose text was repaired (mis-decoded UTF-8, PDF spaces).
    private(set) var repairedFields = 0

    init(formulaColumns: Set<Int>) {
        self.formulaColumns = formulaColumns
    }

    /// The cleaned field `index` of `row`, or `nil` when absent or a missing-value marker.
    mutating func value(_ row: CSVRow, _ index: Int) -> String? {
        guard let raw = row.field(index) else { return nil }
        let (text, repaired) = FieldText.clean(raw)
        if repaired { repairedFields += 1 }
        return FieldText.isMissing(text, formula: formulaColumns.contains(index)) ? nil : text
    }
}
