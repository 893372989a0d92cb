import Chemistry
import Store

/// `curate show FORMULA`: every observation of a material, matched by canonical composition.
public enum MaterialLookup {
    /// The material and its observations.
    public struct Result: Sendable, Equatable, Codable {
        /// The formula as given.
        public var formula: String
        /// Its reduced formula (for messages when the store has no such material; not in the JSON output).
        public var reducedFormula = ""
        public var canonicalKey: String
        /// Nil when the store has no material with this key.
        public var material: MaterialRecord?
        public var observations: [ObservationEntry]

        enum CodingKeys: String, CodingKey { case formula, canonicalKey, material, observations }

        init(formula: String, reducedFormula: String, canonicalKey: String, material: MaterialRecord?, observations: [ObservationEntry]) {
            self.formula = formula
            self.reducedFormula = reducedFormula
            self.canonicalKey = canonicalKey
            self.material = material
            self.observations = observations
        }
    }

    /// Looks `formula` up in the store at `storePath`; any writing of the composition matches.
    public static func show(formula: String, storePath: String) throws -> Result {
        let composition = try step { try Composition(formula: formula) }
        let key = composition.canonicalKey()
        let store = try StoreOpening.open(storePath)
        return try step(storePath) {
            Result(formula: formula, reducedFormula: composition.reducedFormula, canonicalKey: key,
                   material: try store.material(canonicalKey: key), observations: try store.observations(canonicalKey: key))
        }
    }

    /// The canonical key of `formula`, or a one-line error naming the formula's problem.
    static func canonicalKey(_ formula: String) throws -> String {
        try step { try Composition(formula: formula).canonicalKey() }
    }
}
