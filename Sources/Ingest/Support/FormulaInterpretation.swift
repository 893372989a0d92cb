import Chemistry
import CurateIO
import Store

/// Formula text → composition for ingesters, with the quarantine reason when it cannot be one.
/// Shared by every ingester so a formula means the same thing whatever file it came from.
struct FormulaInterpretation {
    /// A formula that became a composition.
    struct Accepted {
        let composition: Composition
        /// Metadata worth keeping with the observation (`formula_warnings`, `charge`), as JSON text.
        let metadata: [String: String]
    }

    /// A formula that did not.
    struct Rejected: Error {
        let code: String
        let message: String
        let position: Int?
    }

    let bindings: FormulaBindings
    /// Materials already prepared in this run, by canonical key.
    private var materials: [String: PreparedMaterial] = [:]

    init(bindings: FormulaBindings) {
        self.bindings = bindings
    }

    /// Interprets `text` (already cleaned).
    func interpret(_ text: String) -> Result<Accepted, Rejected> {
        if let plain = FormulaParser.plainComposition(text) {
            return .success(Accepted(composition: plain, metadata: [:])) // no warnings, charge or variables possible
        }
        let parsed: ParsedFormula
        do {
            parsed = try FormulaParser.parse(text, bindings: bindings)
        } catch {
            return .failure(Rejected(code: "formula.\(error.reason.rawValue)", message: "\(error.message) in \"\(text)\"",
                                     position: error.position))
        }
        guard let composition = parsed.composition else {
            return .failure(Rejected(
                code: "formula.unresolved_variables",
                message: "\"\(text)\" has unresolved variable(s) \(parsed.variables.joined(separator: ", ")); re-ingest with --bindings",
                position: nil))
        }
        var metadata: [String: String] = [:]
        if !parsed.warnings.isEmpty {
            metadata["formula_warnings"] = "[" + parsed.warnings.map { JSONText.quote($0.code.rawValue) }.joined(separator: ",") + "]"
        }
        if let charge = parsed.charge { metadata["charge"] = String(charge) }
        return .success(Accepted(composition: composition, metadata: metadata))
    }

    /// Materials kept prepared at most; past this the cache starts again, so that memory does
    /// not grow with the number of distinct compositions (an OQMD-like table has one per row).
    static let cacheLimit = 1 << 16

    /// The material row for `composition`, prepared once per canonical key while it is cached.
    mutating func material(for composition: Composition) -> PreparedMaterial {
        let key = composition.canonicalKey()
        if let known = materials[key] { return known }
        let material = MaterialPreparation.material(for: composition, canonicalKey: key)
        if materials.count >= Self.cacheLimit { materials.removeAll(keepingCapacity: true) }
        materials[key] = material
        return material
    }
}
