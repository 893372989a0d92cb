import Chemistry
import Store

/// Turns a parsed composition into the store's material and composition columns.
public enum MaterialPreparation {
    /// The material row for `composition`, keyed by its canonical composition key.
    public static func material(for composition: Composition,
                                tolerance: Double = Composition.defaultKeyTolerance,
                                canonicalKey: String? = nil) -> PreparedMaterial {
        PreparedMaterial(
            canonicalKey: canonicalKey ?? composition.canonicalKey(tolerance: tolerance),
            reducedFormula: composition.reducedFormula,
            hillFormula: composition.hillFormula,
            chemicalSystem: composition.chemicalSystem,
            anonymousFormula: composition.formulaPrototype,
            elementCount: composition.elementCount,
            fractionsJSON: json(composition.fractional),
            keyTolerance: tolerance)
    }

    /// `{"Ba":0.4,"Fe":2,...}` with keys sorted and shortest round-trip numbers: deterministic.
    public static func json(_ composition: Composition) -> String {
        var text = "{"
        text.reserveCapacity(composition.entries.count * 14)
        for (index, pair) in composition.alphabeticalAmounts.enumerated() {
            if index > 0 { text += "," }
            text += "\""
            text += pair.0
            text += "\":"
            text += JSONNumber.format(pair.1)
        }
        text += "}"
        return text
    }
}

/// Deterministic JSON text for numbers and string maps.
public enum JSONNumber {
    /// Shortest round-trip form; integers without a decimal point.
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A JSON string literal.
    public static func quote(_ text: String) -> String {
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

    /// An object with keys sorted; values are already JSON text.
    public static func object(_ fields: [String: String]) -> String {
        "{" + fields.keys.sorted().map { quote($0) + ":" + (fields[$0] ?? "null") }.joined(separator: ",") + "}"
    }
}
