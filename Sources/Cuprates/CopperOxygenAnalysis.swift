import Chemistry
import Crystal
import Foundation

/// Finds the CuO2 planes of a structure and measures their Cu–O distances over periodic images.
///
/// A bridging oxygen is within `bondCutoff` of the copper and of another copper on the far side
/// (Cu–O–Cu above `bridgeAngle`); a plane copper has at least four of them, two at right angles,
/// whose cross product is the plane normal. The apical oxygen is the nearest oxygen within
/// `apicalCutoff` and `apicalAngle` of the normal. Coincident sites (a dopant sharing a position)
/// count once, with their occupancies summed; partially occupied oxygen sites still count.
public enum CopperOxygenAnalysis {
    /// The Cu–O geometry of `structure`.
    public static func analyse(_ structure: Structure,
                               rules: CopperOxygenRules = CopperOxygenRules()) throws(CuprateGeometryError) -> CuprateGeometry {
        let copper = Element.copper, oxygen = Element.oxygen
        let copperSites = distinctPositions(structure, holding: copper, rules: rules)
        guard !copperSites.isEmpty else { throw .noCopper }
        let oxygenSites = distinctPositions(structure, holding: oxygen, rules: rules)
        guard !oxygenSites.isEmpty else { throw .noOxygen }
        let oxygenOccupancy = Dictionary(uniqueKeysWithValues: oxygenSites.map { ($0.index, $0.occupancy) })
        let isCopper = Set(structure.sites.indices.filter { structure.sites[$0].holds(copper) })
        var copperNeighbours: [Int: [(Vector3)]] = [:]
        func copperAround(_ oxygenIndex: Int) -> [Vector3] {
            if let known = copperNeighbours[oxygenIndex] { return known }
            let found = structure.neighbors(of: oxygenIndex, within: rules.bondCutoff)
                .filter { isCopper.contains($0.index) }
                .map { structure.displacement(from: oxygenIndex, to: $0) }
            copperNeighbours[oxygenIndex] = found
            return found
        }
        var planes: [CopperPlaneSite] = []
        for site in copperSites {
            let oxygens = oxygenBonds(around: site.index, in: structure, occupancy: oxygenOccupancy, rules: rules)
            var bridges: [(bond: OxygenNeighbour, copperCopper: Double)] = []
            for neighbour in oxygens where neighbour.bond.distance <= rules.bondCutoff {
                let back = -neighbour.vector
                let partner = copperAround(neighbour.siteIndex).first {
                    angleDegrees(back, $0) > rules.bridgeAngle
                }
                if let partner { bridges.append((neighbour, length(neighbour.vector + partner))) }
            }
            guard bridges.count >= 4, let normal = planeNormal(bridges.map(\.bond.direction), rules: rules) else { continue }
            let inPlane = bridges.filter { abs(dot($0.bond.direction, normal)) < rules.inPlaneCosine }
            let apicalCosine = cos(rules.apicalAngle * .pi / 180)
            let apical = oxygens.filter { abs(dot($0.direction, normal)) >= apicalCosine }
                .min { $0.bond.distance < $1.bond.distance }
            planes.append(CopperPlaneSite(
                siteIndex: site.index, label: structure.sites[site.index].label,
                copperOccupancy: site.occupancy, normal: normal,
                inPlane: inPlane.map(\.bond.bond).sorted { $0.distance < $1.distance },
                apical: apical?.bond,
                copperCopperDistance: inPlane.map(\.copperCopper).reduce(0, +) / Double(max(inPlane.count, 1))))
        }
        guard let first = planes.first else { throw .noCopperOxygenPlane }
        return CuprateGeometry(planeSites: planes, stackingPeriod: stackingPeriod(structure.lattice, along: first.normal))
    }

    /// One oxygen image near a copper.
    struct OxygenNeighbour {
        let siteIndex: Int
        let vector: Vector3
        let bond: CopperOxygenBond
        var direction: Vector3 { vector / bond.distance }
    }

    /// Oxygen images within `apicalCutoff` of the copper, one per distinct position.
    static func oxygenBonds(around index: Int, in structure: Structure, occupancy: [Int: Double],
                            rules: CopperOxygenRules) -> [OxygenNeighbour] {
        var found: [OxygenNeighbour] = []
        for neighbour in structure.neighbors(of: index, within: rules.apicalCutoff) {
            guard let fraction = occupancy[neighbour.index] else { continue }
            let vector = structure.displacement(from: index, to: neighbour)
            guard !found.contains(where: { length($0.vector - vector) < rules.coincidence }) else { continue }
            found.append(OxygenNeighbour(siteIndex: neighbour.index, vector: vector,
                                         bond: CopperOxygenBond(distance: neighbour.distance, occupancy: fraction)))
        }
        return found
    }

    /// Sites holding `element`, one per distinct position, with the element's summed occupancy.
    static func distinctPositions(_ structure: Structure, holding element: Element,
                                  rules: CopperOxygenRules) -> [(index: Int, occupancy: Double)] {
        var positions: [(index: Int, occupancy: Double)] = []
        for (index, site) in structure.sites.enumerated() {
            let amount = site.species.filter { $0.element == element }.reduce(0) { $0 + $1.occupancy }
            guard amount > 0 else { continue }
            if let same = positions.firstIndex(where: {
                structure.distance($0.index, index) < rules.coincidence
            }) {
                positions[same].occupancy += amount
            } else {
                positions.append((index, amount))
            }
        }
        return positions.map { ($0.index, min($0.occupancy, 1)) }
    }

    /// The plane normal: the direction least represented among the bridge directions (the
    /// eigenvector of Σ u uᵀ with the smallest eigenvalue), when two bridges are perpendicular
    /// and that eigenvalue is clearly the smallest (a 3D network such as a perovskite has none).
    static func planeNormal(_ directions: [Vector3], rules: CopperOxygenRules) -> Vector3? {
        let hasPerpendicularPair = directions.indices.contains { i in
            directions.indices.contains { j in j > i && abs(dot(directions[i], directions[j])) < rules.perpendicularCosine }
        }
        guard hasPerpendicularPair else { return nil }
        var scatter = Array(repeating: Array(repeating: 0.0, count: 3), count: 3)
        for u in directions {
            for i in 0..<3 { for j in 0..<3 { scatter[i][j] += u[i] * u[j] } }
        }
        let eigen = SymmetricEigen(scatter)
        guard eigen.values[0] < rules.planarity * eigen.values[1] else { return nil }
        return eigen.vectors[0]
    }

    /// Length of the shortest lattice vector within 5° of `normal` (indices up to ±4).
    static func stackingPeriod(_ lattice: Lattice, along normal: Vector3) -> Double? {
        let threshold = cos(5 * Double.pi / 180)
        var best: Double?
        for x in -4...4 {
            for y in -4...4 {
                for z in 0...4 where x != 0 || y != 0 || z != 0 {
                    let vector = lattice.cartesian(Vector3(Double(x), Double(y), Double(z)))
                    let size = length(vector)
                    guard abs(dot(vector, normal)) / size >= threshold else { continue }
                    if best.map({ size < $0 }) ?? true { best = size }
                }
            }
        }
        return best
    }

    /// Angle between two vectors in degrees.
    static func angleDegrees(_ u: Vector3, _ v: Vector3) -> Double {
        let cosine = dot(u, v) / (length(u) * length(v))
        return acos(max(-1, min(1, cosine))) * 180 / .pi
    }
}

extension Structure {
    /// Cartesian vector (Å) from site `index` to the periodic image `neighbour`.
    func displacement(from index: Int, to neighbour: Neighbor) -> Vector3 {
        let image = Vector3(Double(neighbour.image.x), Double(neighbour.image.y), Double(neighbour.image.z))
        return lattice.cartesian(sites[neighbour.index].fractional + image) - lattice.cartesian(sites[index].fractional)
    }
}

extension Site {
    /// True when some species on the site is `element`.
    func holds(_ element: Element) -> Bool { species.contains { $0.element == element } }
}

extension Element {
    static let copper = PeriodicTable.elements[28]
    static let oxygen = PeriodicTable.elements[7]
}
