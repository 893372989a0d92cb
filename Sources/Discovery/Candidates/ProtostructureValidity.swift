import Chemistry
import Crystal

/// The validity check of a protostructure (SCIENCE.md §5): the multiplicities of the occupied
/// Wyckoff positions must reproduce the composition.
public enum ProtostructureValidity {
    /// Checks `label` against `composition` (any multiple of the formula): the label must parse,
    /// every letter must exist in its space group, the multiplicities must give the label's own
    /// prototype formula, and the elements and their ratios must equal the composition's
    /// (within `tolerance` on the atomic fractions). Returns nil when valid, else the reason.
    public static func problem(label: String, composition: Composition, tolerance: Double = 1e-9) -> String? {
        let assignment: SiteAssignment
        do { assignment = try SiteAssignment(label: label) } catch { return error.description }
        let parsed: ProtostructureLabel
        do { parsed = try ProtostructureLabel(parsing: label) } catch { return "\(error)" }
        let amounts = assignment.amounts
        if amounts.values.contains(where: { $0 <= 0 }) { return "an element occupies no sites" }
        let implied = PrototypeFormula.make(amounts: amounts)
        if implied != parsed.prototypeFormula {
            return "the multiplicities give \(implied), the label says \(parsed.prototypeFormula)"
        }
        let fractions = composition.fractions
        guard Set(fractions.keys) == Set(amounts.keys) else {
            return "elements \(amounts.keys.sorted()) in the label, \(fractions.keys.sorted()) in the composition"
        }
        let total = Double(amounts.values.reduce(0, +))
        for (symbol, count) in amounts where abs(Double(count) / total - (fractions[symbol] ?? 0)) > tolerance {
            return "\(symbol): \(count) of \(Int(total)) sites, but a fraction \(fractions[symbol] ?? 0) in the composition"
        }
        return nil
    }

    /// The composition a label's multiplicities imply (atoms in the conventional cell), or nil
    /// when the label cannot be read.
    public static func composition(label: String) -> Composition? {
        guard let assignment = try? SiteAssignment(label: label) else { return nil }
        let amounts = assignment.amounts
        guard !amounts.isEmpty, amounts.values.allSatisfy({ $0 > 0 }) else { return nil }
        return try? Composition(symbolAmounts: amounts.mapValues(Double.init))
    }
}
