/// Deterministic JSON text for strings, numbers and string-keyed objects: the one JSON string
/// escaper of the project (store rows, release files, model files and evidence columns all use it).
public enum JSONText {
    /// A JSON string literal: `"` and `\` escaped, `\n` `\r` `\t` as their short escapes, other
    /// control characters as `\u00XX`; everything else (including `/` and non-ASCII) as is.
    public static func quote(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + text + "\"" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Shortest round-trip form; integral values below 10^15 without a decimal point (`2`, `0.5`, `1e-05`).
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// An object with keys sorted; the values are already JSON text.
    public static func object(_ fields: [String: String]) -> String {
        "{" + fields.keys.sorted().map { quote($0) + ":" + (fields[$0] ?? "null") }.joined(separator: ",") + "}"
    }
}
