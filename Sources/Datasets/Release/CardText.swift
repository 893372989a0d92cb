import CurateIO

/// Text escaping for the dataset card: YAML scalars in its front matter and Markdown table cells.
enum CardText {
    /// A YAML scalar for `text`: plain where YAML reads it back as that same string (starts with
    /// a letter or `_`, then letters, digits and `_ . / < > + -`, and is not a word YAML 1.1
    /// reads as a boolean or null), otherwise the JSON string literal (`JSONText.quote`, valid
    /// YAML double-quoted) with the characters YAML also forbids unescaped there (C1 controls,
    /// DEL, the Unicode line separators, BOM) escaped as `\uXXXX`.
    static func yamlScalar(_ text: String) -> String {
        if isPlainSafe(text) { return text }
        var result = ""
        for scalar in JSONText.quote(text).unicodeScalars {
            let value = scalar.value
            if (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 || value == 0xFEFF {
                let hex = String(value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Words YAML 1.1 reads as booleans or null.
    private static let reservedWords: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"]

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        let allowed = text.unicodeScalars.allSatisfy { scalar in
            (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))) || "_./<>+-".unicodeScalars.contains(scalar)
        }
        guard allowed, !reservedWords.contains(text.lowercased()) else { return false }
        return Double(text) == nil
    }

    /// A Markdown table cell: `|` escaped, line breaks as spaces.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }

    /// `text` in backticks, as Markdown code (backticks inside become `'`).
    static func code(_ text: String) -> String { "`" + text.replacingOccurrences(of: "`", with: "'") + "`" }
}
