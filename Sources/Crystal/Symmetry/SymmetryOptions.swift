/// Tolerances for a symmetry search. Recorded with every result.
public struct SymmetryOptions: Sendable, Hashable, Codable {
    /// The Materials Project's tolerances: 0.1 Å and 5°.
    public static let materialsProject = SymmetryOptions()

    /// Distance tolerance (Å) handed to spglib as `symprec`. Default 0.1 Å.
    public var symprec: Double
    /// Angle tolerance (degrees) handed to spglib; `nil` lets spglib derive it from `symprec`
    /// (spglib's own default, `-1`). Default 5°.
    public var angleTolerance: Double?
    /// Tighter `symprec` values tried in order when spglib finds nothing at `symprec`
    /// (values not below `symprec` are skipped). Default 0.01, 1e-3, 1e-5 Å.
    public var retrySymprecs: [Double]
    /// Two sites closer than this (Å, minimum image) are coincident and the analysis is refused.
    /// Default 1e-3 Å: far below any real interatomic distance, yet above spglib's own test cells,
    /// which hold distinct atoms 0.007 Å apart.
    public var coincidenceDistance: Double

    /// Creates options; the defaults are documented on each property.
    public init(symprec: Double = 0.1, angleTolerance: Double? = 5, retrySymprecs: [Double] = [0.01, 1e-3, 1e-5],
                coincidenceDistance: Double = 1e-3) {
        self.symprec = symprec
        self.angleTolerance = angleTolerance
        self.retrySymprecs = retrySymprecs
        self.coincidenceDistance = coincidenceDistance
    }

    /// The `symprec` values to try, in order: `symprec`, then each tighter retry value.
    var symprecSchedule: [Double] {
        var schedule = [symprec]
        for value in retrySymprecs where value > 0 && value < (schedule.last ?? symprec) {
            schedule.append(value)
        }
        return schedule
    }
}
