import Crystal

/// Why a structure has no Cu–O plane geometry.
public enum CuprateGeometryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No site holds copper.
    case noCopper
    /// No site holds oxygen.
    case noOxygen
    /// Copper and oxygen are present but no copper has four bridging oxygens spanning a plane.
    case noCopperOxygenPlane

    public var description: String {
        switch self {
        case .noCopper: "no copper site"
        case .noOxygen: "no oxygen site"
        case .noCopperOxygenPlane: "no CuO2 plane (no copper with four bridging oxygens spanning a plane)"
        }
    }
}

/// The Cu–O geometry of a cuprate structure: its CuO2-plane coppers, in-plane and apical
/// distances, and the tetragonal-setting lattice parameters derived from the planes.
public struct CuprateGeometry: Sendable, Hashable {
    /// Every copper (one per distinct position) that sits in a CuO2 plane.
    public let planeSites: [CopperPlaneSite]
    /// The shortest lattice translation along the plane normal (Å): the stacking period `c`,
    /// nil when no lattice vector is within 5° of the normal.
    public let stackingPeriod: Double?

    /// Creates a geometry from its parts.
    public init(planeSites: [CopperPlaneSite], stackingPeriod: Double?) {
        self.planeSites = planeSites
        self.stackingPeriod = stackingPeriod
    }

    /// Mean in-plane Cu–O distance over the plane coppers (Å).
    public var inPlaneDistance: Double {
        planeSites.reduce(0) { $0 + $1.meanInPlaneDistance } / Double(max(planeSites.count, 1))
    }

    /// Plane coppers that have an apical oxygen.
    public var apicalSites: [CopperPlaneSite] { planeSites.filter { $0.apical != nil } }

    /// Mean apical Cu–O distance over the plane coppers that have one (Å); nil in a T' structure.
    public var apicalDistance: Double? {
        let distances = planeSites.compactMap { $0.apical?.distance }
        guard !distances.isEmpty else { return nil }
        return distances.reduce(0, +) / Double(distances.count)
    }

    /// True when no plane copper has an apical oxygen (the T' structure, infinite-layer cuprates).
    public var isWithoutApicalOxygen: Bool { apicalSites.isEmpty }

    /// The tetragonal-setting in-plane lattice parameter a* (Å): the mean Cu–Cu distance
    /// through the bridging oxygens (a for tetragonal cells, a/√2 for the √2 × √2 setting).
    public var aStar: Double {
        planeSites.reduce(0) { $0 + $1.copperCopperDistance } / Double(max(planeSites.count, 1))
    }

    /// Every counted oxygen bond (in-plane and apical).
    public var countedBonds: [CopperOxygenBond] {
        planeSites.flatMap { $0.inPlane + ($0.apical.map { [$0] } ?? []) }
    }

    /// Smallest oxygen occupancy among the counted bonds (1 for a fully ordered structure).
    public var minimumOxygenOccupancy: Double { countedBonds.map(\.occupancy).min() ?? 1 }

    /// Number of counted bonds whose oxygen site is partially occupied.
    public var partialOxygenBondCount: Int {
        countedBonds.filter { $0.occupancy < 1 - Structure.occupancyTolerance }.count
    }

    /// Smallest copper occupancy among the plane coppers.
    public var minimumCopperOccupancy: Double { planeSites.map(\.copperOccupancy).min() ?? 1 }
}
