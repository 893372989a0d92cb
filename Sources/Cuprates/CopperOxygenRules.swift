/// The geometric thresholds that decide what is a CuO2 plane and what is an apical oxygen.
///
/// `scripts/make-cuprate-distance-fixture.py` applies the same numbers to pymatgen's neighbour
/// lists; change both together.
public struct CopperOxygenRules: Sendable, Hashable {
    /// Longest Cu–O distance (Å) that counts as an in-plane bond.
    public var bondCutoff = 2.2
    /// Smallest Cu–O–Cu angle (degrees) for an oxygen to bridge two plane coppers.
    public var bridgeAngle = 150.0
    /// |cos| below which two bridge directions count as perpendicular (they span the plane).
    public var perpendicularCosine = 0.3
    /// The smallest eigenvalue of Σ u uᵀ over the bridge directions must be below this share of
    /// the middle one for the bridges to form a plane (not a 3D network).
    public var planarity = 0.6
    /// |cos| to the normal below which a bridging oxygen lies in the plane.
    public var inPlaneCosine = 0.5
    /// Longest Cu–O distance (Å) searched for the apical oxygen.
    public var apicalCutoff = 3.1
    /// Largest angle (degrees) between the Cu→O direction and the plane normal for an apical oxygen.
    public var apicalAngle = 30.0
    /// Sites closer than this (Å) are one position (a shared, partially occupied site).
    public var coincidence = 0.01

    /// The default rules.
    public init() {}
}
