/// A hull run to record: its provenance and the derived values it produced.
public struct HullRunDraft: Sendable, Equatable {
    /// The selected source names, comma-separated (`*` for all).
    public var sources: String
    /// The observed property the hull was built from, e.g. `formation_energy_per_atom`.
    public var property: String
    /// The correction scheme of every entry used (e.g. `mp2020`, `unrecorded`).
    public var correction: String
    /// The `--chemsys` restriction, if any.
    public var chemsysFilter: String?
    /// Method identifier, e.g. `patched-lp/1`.
    public var method: String
    /// sha256 of the canonical listing of the exact entries used.
    public var entriesSHA256: String
    public var entryCount: Int
    public var systemCount: Int
    public var stableCount: Int
    /// Elements that had no elemental entry (implicit reference at 0), comma-separated.
    public var implicitReferences: String
    public var toolVersion: String
    /// The derived values, in any order.
    public var values: [HullDerivedValue]

    /// Creates a draft.
    public init(sources: String, property: String, correction: String, chemsysFilter: String?, method: String,
                entriesSHA256: String, entryCount: Int, systemCount: Int, stableCount: Int, implicitReferences: String,
                toolVersion: String, values: [HullDerivedValue]) {
        self.sources = sources
        self.property = property
        self.correction = correction
        self.chemsysFilter = chemsysFilter
        self.method = method
        self.entriesSHA256 = entriesSHA256
        self.entryCount = entryCount
        self.systemCount = systemCount
        self.stableCount = stableCount
        self.implicitReferences = implicitReferences
        self.toolVersion = toolVersion
        self.values = values
    }
}

/// One derived value of an observation (row of `derived_values`).
public struct HullDerivedValue: Sendable, Equatable, Codable {
    public var observationId: Int
    /// `e_above_hull` or `phase_separation_energy`.
    public var quantity: String
    public var value: Double
    public var unit: String
    /// Whether the observation is a hull vertex.
    public var stable: Bool
    /// Decomposition as a JSON object formula → fraction (for `e_above_hull`), else nil.
    public var decompositionJSON: String?

    /// Creates a value.
    public init(observationId: Int, quantity: String, value: Double, unit: String, stable: Bool, decompositionJSON: String?) {
        self.observationId = observationId
        self.quantity = quantity
        self.value = value
        self.unit = unit
        self.stable = stable
        self.decompositionJSON = decompositionJSON
    }
}

/// A recorded hull run (row of `hull_runs`).
public struct HullRunRecord: Sendable, Equatable, Codable {
    public var id: Int
    public var sources: String
    public var property: String
    public var correction: String
    public var chemsysFilter: String?
    public var method: String
    public var entriesSHA256: String
    public var entryCount: Int
    public var systemCount: Int
    public var stableCount: Int
    public var implicitReferences: String
    public var toolVersion: String
    public var startedAt: String
}
