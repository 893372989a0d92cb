import CurateIO
/// Deterministic text for release files: numbers in Swift's shortest round-trip form and
/// RFC 4180 quoting.
public enum CSVText {
    /// Shortest text that reads back as exactly `value` (e.g. `0.1`, `-1.909`, `1e-05`).
    public static func number(_ value: Double) -> String { value.description }

    /// A CSV field, quoted when it holds a comma, quote, CR or LF.
    public static func field(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One CSV line (with its `\n`).
    public static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\n" }
}

/// Ordered JSON text for release files: keys in the order written.
public struct JSONObjectText {
    private var body = "{"

    /// An empty object.
    public init() {}

    private mutating func key(_ key: String) {
        if body.utf8.count > 1 { body += "," }
        body += JSONText.quote(key)
        body += ":"
    }

    /// Adds a string member.
    public mutating func string(_ key: String, _ value: String?) {
        self.key(key)
        body += value.map(JSONText.quote) ?? "null"
    }

    /// Adds a number member.
    public mutating func number(_ key: String, _ value: Double?) {
        self.key(key)
        body += value.map(CSVText.number) ?? "null"
    }

    /// Adds an integer member.
    public mutating func integer(_ key: String, _ value: Int?) {
        self.key(key)
        body += value.map(String.init) ?? "null"
    }

    /// Adds a boolean member.
    public mutating func bool(_ key: String, _ value: Bool) {
        self.key(key)
        body += value ? "true" : "false"
    }

    /// Adds an array-of-strings member.
    public mutating func strings(_ key: String, _ values: [String]) {
        self.key(key)
        body += "["
        for (index, value) in values.enumerated() {
            if index > 0 { body += "," }
            body += JSONText.quote(value)
        }
        body += "]"
    }

    /// Adds an array-of-numbers member.
    public mutating func numbers(_ key: String, _ values: [Double]) {
        self.key(key)
        body += "[" + values.map(CSVText.number).joined(separator: ",") + "]"
    }

    /// The object's text.
    public var text: String { body + "}" }
}
