import Crystal

/// One oxygen bonded to a plane copper: its distance and how much of its site oxygen occupies.
public struct CopperOxygenBond: Sendable, Hashable, Codable {
    /// Cu–O distance (Å), over periodic images.
    public let distance: Double
    /// Oxygen occupancy of the site (summed over coincident sites); below 1 for partial sites.
    public let occupancy: Double
}

/// A copper site that belongs to a CuO2 plane: four (or more) bridging oxygens spanning a plane,
/// and, when one exists, the apical oxygen above or below it.
public struct CopperPlaneSite: Sendable, Hashable {
    /// Index of the copper site in `Structure.sites`.
    public let siteIndex: Int
    /// The site's label from the source, if any.
    public let label: String?
    /// Copper occupancy of the site (below 1 when Cu shares it with a dopant).
    public let copperOccupancy: Double
    /// Unit normal of the plane at this copper (Cartesian).
    public let normal: Vector3
    /// The bridging in-plane oxygens, shortest first.
    public let inPlane: [CopperOxygenBond]
    /// The nearest oxygen within `CopperOxygenRules.apicalCutoff` and `apicalAngle` of the
    /// normal; nil when there is none (a T'-like or inner plane).
    public let apical: CopperOxygenBond?
    /// Mean Cu–Cu distance through the bridging oxygens (Å): the tetragonal-setting `a`.
    public let copperCopperDistance: Double

    /// Mean in-plane Cu–O distance (Å).
    public var meanInPlaneDistance: Double {
        inPlane.reduce(0) { $0 + $1.distance } / Double(max(inPlane.count, 1))
    }
}
