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

    /// Creates options; the defaults are documented on each property.
    public init(siteTolerance: Double = 1e-3, occupancyTolerance: Double = 0.01, formulaTolerance: Double = 1e-3) {
        self.siteTolerance = siteTolerance
        self.occupancyTolerance = occupancyTolerance
        self.formulaTolerance = formulaTolerance
    }
}
