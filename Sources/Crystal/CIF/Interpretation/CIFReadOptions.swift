/// Tolerances used when turning a CIF block into a structure. Recorded with every result.
public struct CIFReadOptions: Sendable, Hashable, Codable {
    /// Two positions are the same site when every fractional coordinate differs by at most this,
    /// modulo 1 (a periodic Chebyshev distance in fractional units). Default 1e-3: 0.01 Å in a
    /// 10 Å cell, wide enough for coordinates written with 3–4 decimals (`0.3333` vs `-x+y`) and far
    /// below any real interatomic distance.
    public var siteTolerance: Double
    /// A site whose occupancies sum to at most `1 + occupancyTolerance` is scaled down to 1 with a
    /// warning; beyond it the block is rejected. Default 0.01.
    public var occupancyTolerance: Double
    /// Largest difference of any element's atomic fraction between `_chemical_formula_sum` and
    /// the expanded cell before a mismatch is reported. Default 1e-3.
    public var formulaTolerance: Double
    /// Most sites a block may list, and most sites its symmetry expansion may produce, checked
    /// before the expansion and before any symmetry analysis (spglib's cost grows with the
    /// square of the site count: 5,000 sites take about 14 s). Default 5,000.
    public var maxAtoms: Int
    /// Largest file read, in bytes, checked before the file is loaded. Default 16 MiB.
    public var maxFileBytes: Int
    /// Longest cell edge accepted, in Å; a longer one is no crystal cell (a = 1e30 Å). Default 1,000 Å.
    public var maxCellLength: Double

    /// The default ``maxAtoms``.
    public static let defaultMaxAtoms = 5_000
    /// The default ``maxFileBytes``.
    public static let defaultMaxFileBytes = 16 << 20
    /// The default ``maxCellLength``.
    public static let defaultMaxCellLength = 1_000.0

    /// Creates options; the defaults are documented on each property.
    public init(siteTolerance: Double = 1e-3, occupancyTolerance: Double = 0.01, formulaTolerance: Double = 1e-3,
                maxAtoms: Int = CIFReadOptions.defaultMaxAtoms, maxFileBytes: Int = CIFReadOptions.defaultMaxFileBytes,
                maxCellLength: Double = CIFReadOptions.defaultMaxCellLength) {
        self.siteTolerance = siteTolerance
        self.occupancyTolerance = occupancyTolerance
        self.formulaTolerance = formulaTolerance
        self.maxAtoms = maxAtoms
        self.maxFileBytes = maxFileBytes
        self.maxCellLength = maxCellLength
    }

    private enum CodingKeys: String, CodingKey {
        case siteTolerance, occupancyTolerance, formulaTolerance, maxAtoms, maxFileBytes, maxCellLength
    }

    /// Decodes options; the limits added later take their defaults when absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(siteTolerance: try container.decode(Double.self, forKey: .siteTolerance),
                  occupancyTolerance: try container.decode(Double.self, forKey: .occupancyTolerance),
                  formulaTolerance: try container.decode(Double.self, forKey: .formulaTolerance),
                  maxAtoms: try container.decodeIfPresent(Int.self, forKey: .maxAtoms) ?? Self.defaultMaxAtoms,
                  maxFileBytes: try container.decodeIfPresent(Int.self, forKey: .maxFileBytes) ?? Self.defaultMaxFileBytes,
                  maxCellLength: try container.decodeIfPresent(Double.self, forKey: .maxCellLength) ?? Self.defaultMaxCellLength)
    }
}
