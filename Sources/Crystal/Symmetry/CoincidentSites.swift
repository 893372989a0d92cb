/// Finds sites that sit on top of each other (minimum-image distance below a threshold).
enum CoincidentSites {
    /// The first pair (by index) closer than `distance` Å, if any. Positions are bucketed on a
    /// periodic grid in fractional space, so the search is linear for ordinary cells.
    static func first(lattice: Lattice, positions: [Vector3], within distance: Double) -> (first: Int, second: Int, distance: Double)? {
        guard distance > 0, positions.count > 1 else { return nil }
        // A fractional width that covers `distance` Å along every axis.
        let spacings = lattice.interplanarSpacings
        let width = distance / min(spacings.x, spacings.y, spacings.z)
        let divisions = width > 0 && width < 1 / 3 ? min(Int((1 / width).rounded(.down)), 100) : 1
        var buckets: [SIMD3<Int>: [Int]] = [:]
        var wrapped: [Vector3] = []
        wrapped.reserveCapacity(positions.count)
        for (index, position) in positions.enumerated() {
            let w = position - position.rounded(.down)
            let key = SIMD3<Int>(Int(w.x * Double(divisions)), Int(w.y * Double(divisions)), Int(w.z * Double(divisions)))
            let reach = divisions >= 3 ? -1...1 : 0...0
            let neighbourhood = divisions >= 3 ? nil : Array(wrapped.indices)
            var candidates: [Int] = neighbourhood ?? []
            if neighbourhood == nil {
                for dx in reach {
                    for dy in reach {
                        for dz in reach {
                            let k = SIMD3<Int>((key.x + dx + divisions) % divisions, (key.y + dy + divisions) % divisions,
                                               (key.z + dz + divisions) % divisions)
                            candidates.append(contentsOf: buckets[k] ?? [])
                        }
                    }
                }
            }
            for candidate in candidates.sorted() {
                let d = minimumImageDistance(lattice, wrapped[candidate], w)
                if d < distance { return (candidate, index, d) }
            }
            buckets[SIMD3<Int>(key.x % divisions, key.y % divisions, key.z % divisions), default: []].append(index)
            wrapped.append(w)
        }
        return nil
    }

    /// Minimum-image Cartesian distance (Å) between two fractional points (27 images searched).
    static func minimumImageDistance(_ lattice: Lattice, _ a: Vector3, _ b: Vector3) -> Double {
        var d = b - a
        d -= d.rounded(.toNearestOrAwayFromZero)
        var best = Double.infinity
        for x in -1...1 {
            for y in -1...1 {
                for z in -1...1 {
                    best = min(best, length(lattice.cartesian(d + Vector3(Double(x), Double(y), Double(z)))))
                }
            }
        }
        return best
    }
}
