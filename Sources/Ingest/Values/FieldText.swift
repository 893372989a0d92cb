import CurateIO
/// Clean-up of one CSV field before interpretation: mis-decoded UTF-8, PDF-extraction spaces,
/// spreadsheet missing-value markers.
public enum FieldText {
    /// Markers that mean "no value" in real SuperCon-style exports (`'-` is a spreadsheet-escaped dash).
    public static let missingMarkers: Set<String> = ["", "'-", "-", "—", "n/a", "N/A", "NA", "nan", "NaN", "null", "None", "?"]

    /// The field with double-decoded UTF-8 repaired, private-use and no-break spaces turned into
    /// spaces, and surrounding whitespace removed. `repaired` tells whether anything changed
    /// beyond trimming.
    public static func clean(_ raw: String) -> (text: String, repaired: Bool) {
        if raw.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x20 && $0 != 0x09 }) { return (raw, false) } // plain ASCII, nothing to trim
        var (text, repaired) = TextRepair.repairMojibake(raw)
        if text.unicodeScalars.contains(where: { $0.value == 0xF0A0 || $0.value == 0x00A0 || $0.value == 0x2009 || $0.value == 0x202F }) {
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
                switch scalar.value {
                case 0xF0A0, 0x00A0, 0x2009, 0x202F: return " "
                default: return scalar
                }
            }))
            repaired = true
        }
        return (trimmed(text), repaired)
    }

    /// Markers that could be a real formula and so never mean "missing" in a formula column:
    /// `NaN` is sodium nitride (pandas silently drops it), `None` is nobelium + neon.
    public static let formulaLookalikes: Set<String> = ["NaN", "None"]

    /// True when the cleaned text is a missing-value marker. In a formula column (`formula:
    /// true`) text that is a valid formula, such as `NaN`, is never a marker.
    public static func isMissing(_ cleaned: String, formula: Bool = false) -> Bool {
        if formula, formulaLookalikes.contains(cleaned) { return false }
        return missingMarkers.contains(cleaned)
    }

    static func trimmed(_ text: String) -> String {
        var view = Substring(text)
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}
