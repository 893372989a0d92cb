import Chemistry
import CurateIO
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
            text += JSONText.number(pair.1)
        }
        text += "}"
        return text
    }
}
