import Chemistry

/// A periodic crystal structure: a lattice and its sites.
///
/// Immutable value type. The initialiser checks that there is at least one site, coordinates are
/// finite and every site's occupancies lie in (0, 1] and sum to at most 1 (within
/// `occupancyTolerance`).
public struct Structure: Sendable, Hashable {
    /// Slack allowed on occupancies (rounding in sources): a site may sum to `1 + 1e-6`.
    public static let occupancyTolerance = 1e-6

    /// The lattice.
    public let lattice: Lattice
    /// The sites, in source order.
    public let sites: [Site]
    /// Composition of the cell: each species counts with its occupancy.
    public let composition: Composition

    /// Creates a structure, validating the sites.
    public init(lattice: Lattice, sites: [Site]) throws(StructureError) {
        guard !sites.isEmpty else { throw .noSites }
        var amounts: [(Element, Double)] = []
        for (index, site) in sites.enumerated() {
            guard !site.species.isEmpty else { throw .emptySite(index: index) }
            let f = site.fractional
            guard f.x.isFinite, f.y.isFinite, f.z.isFinite else { throw .nonFiniteCoordinate(index: index) }
            for species in site.species {
                guard species.occupancy.isFinite, species.occupancy > 0,
                      species.occupancy <= 1 + Self.occupancyTolerance
                else { throw .invalidOccupancy(index: index, occupancy: species.occupancy) }
                amounts.append((species.element, species.occupancy))
            }
            let total = site.totalOccupancy
            guard total <= 1 + Self.occupancyTolerance else { throw .overfullSite(index: index, total: total) }
        }
        guard let composition = try? Composition(amounts) else { throw .noSites }
        self.lattice = lattice
        self.sites = sites
        self.composition = composition
    }

    /// Number of sites.
    public var siteCount: Int { sites.count }

    /// Cell volume (Å³).
    public var volume: Double { lattice.volume }

    /// Volume per site (Å³).
    public var volumePerSite: Double { lattice.volume / Double(sites.count) }

    /// Mass density (g/cm³) from the occupancy-weighted cell contents.
    public var density: Double {
        let mass = composition.entries.reduce(0) { $0 + $1.amount * $1.element.atomicMass }
        return mass * Self.gramsPerDalton / (lattice.volume * 1e-24)
    }

    /// True when every site holds exactly one species with occupancy 1.
    public var isOrdered: Bool { sites.allSatisfy(\.isOrdered) }

    /// Cartesian coordinates (Å) of every site.
    public var cartesianCoordinates: [Vector3] { sites.map { lattice.cartesian($0.fractional) } }

    /// One dalton in grams.
    static let gramsPerDalton = 1.660_539_066_60e-24
}
