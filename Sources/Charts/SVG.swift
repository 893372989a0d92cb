import Foundation

/// Builds SVG text: escaped text and attributes, finite coordinates only.
public enum SVG {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped, safe in element content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A coordinate as SVG writes it: two decimals at most, never NaN or infinity (those become 0).
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(format: "%.2f", rounded)
    }

    /// A data value written exactly: integers without decimals, others as Swift prints them; non-finite gives "".
    public static func exact(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// One element: `<name a="v" ...>content</name>`, or self-closing without content.
    public static func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) -> String {
        let attributeText = attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
        guard let content else { return "<\(name)\(attributeText)/>" }
        return "<\(name)\(attributeText)>\(content)</\(name)>"
    }

    /// A text element at (x, y) with escaped `text`.
    public static func text(_ text: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
                            className: String = "label", extra: [(String, String)] = []) -> String {
        element("text", [("x", number(x)), ("y", number(y)), ("text-anchor", anchor), ("font-size", number(size)),
                         ("class", className)] + extra, content: escape(text))
    }

    /// A rectangle; negative sizes are clamped to zero.
    public static func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                            className: String, extra: [(String, String)] = []) -> String {
        element("rect", [("x", number(x)), ("y", number(y)), ("width", number(max(0, width))), ("height", number(max(0, height))),
                         ("fill", fill), ("class", className)] + extra)
    }

    /// A line from (x1, y1) to (x2, y2).
    public static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#444", className: String = "axis-line",
                            extra: [(String, String)] = []) -> String {
        element("line", [("x1", number(x1)), ("y1", number(y1)), ("x2", number(x2)), ("y2", number(y2)), ("stroke", stroke),
                         ("class", className)] + extra)
    }

    /// The outer `<svg>` element with an id, a title for screen readers and the drawn content.
    public static func document(id: String, width: Double, height: Double, title: String, content: String) -> String {
        let attributes: [(String, String)] = [
            ("xmlns", "http://www.w3.org/2000/svg"), ("id", id), ("class", "chart"), ("role", "img"),
            ("width", number(width)), ("height", number(height)), ("viewBox", "0 0 \(number(width)) \(number(height))"),
            ("font-family", "sans-serif"),
        ]
        return element("svg", attributes, content: element("title", [], content: escape(title)) + content)
    }
}
