import Foundation

/// A periodic image of a site near another site.
public struct Neighbor: Sendable, Hashable {
    /// Index of the neighbouring site in `Structure.sites`.
    public let index: Int
    /// Distance (Å).
    public let distance: Double
    /// Lattice translation of the image (whole cells).
    public let image: SIMD3<Int>
}

extension Structure {
    /// Minimum-image distance (Å) between sites `i` and `j` over all periodic images.
    ///
    /// The fractional difference is wrapped into [-½, ½) and the 27 neighbouring images are
    /// searched, which is exact for cells that are not extremely skewed.
    public func distance(_ i: Int, _ j: Int) -> Double {
        guard sites.indices.contains(i), sites.indices.contains(j) else { return .nan }
        return minimumImageDistance(sites[i].fractional, sites[j].fractional)
    }

    /// Minimum-image distance (Å) between two fractional points in this lattice.
    public func minimumImageDistance(_ a: Vector3, _ b: Vector3) -> Double {
        var d = b - a
        d -= d.rounded(.toNearestOrAwayFromZero)
        var best = Double.infinity
        for x in -1...1 {
            for y in -1...1 {
                for z in -1...1 {
                    let shifted = d + Vector3(Double(x), Double(y), Double(z))
                    best = min(best, length(lattice.cartesian(shifted)))
                }
            }
        }
        return best
    }

    /// Every periodic image of every site within `cutoff` Å of site `index` (the site itself at
    /// distance 0 excluded), sorted by distance, then index.
    public func neighbors(of index: Int, within cutoff: Double) -> [Neighbor] {
        guard sites.indices.contains(index), cutoff.isFinite, cutoff > 0 else { return [] }
        let spacings = lattice.interplanarSpacings
        let reach = SIMD3<Int>(
            Int((cutoff / spacings.x).rounded(.up)) + 1,
            Int((cutoff / spacings.y).rounded(.up)) + 1,
            Int((cutoff / spacings.z).rounded(.up)) + 1)
        let origin = lattice.cartesian(sites[index].fractional)
        var found: [Neighbor] = []
        for (j, site) in sites.enumerated() {
            let base = site.fractional - site.fractional.rounded(.down)
                - (sites[index].fractional - sites[index].fractional.rounded(.down))
            let baseShift = sites[index].fractional.rounded(.down) - site.fractional.rounded(.down)
            for x in -reach.x...reach.x {
                for y in -reach.y...reach.y {
                    for z in -reach.z...reach.z {
                        let cell = Vector3(Double(x), Double(y), Double(z))
                        let point = lattice.cartesian(base + cell + sites[index].fractional)
                        let distance = length(point - origin)
                        guard distance <= cutoff, !(j == index && distance < 1e-8) else { continue }
                        let image = cell + baseShift
                        found.append(Neighbor(index: j, distance: distance,
                                              image: SIMD3<Int>(Int(image.x), Int(image.y), Int(image.z))))
                    }
                }
            }
        }
        return found.sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }
    }
}
