/// Expands an asymmetric unit with symmetry operators into the full cell.
///
/// Each atom's images are wrapped into [0, 1); images of one atom closer than the site tolerance
/// are the same position (a special position) and kept once. Images of *different* atoms that
/// coincide become one site carrying all their species (disorder), with equal species (same
/// element and oxidation state) adding their occupancies. Occupancy sums slightly above 1 are
/// normalised with a warning; beyond `occupancyTolerance` the block is rejected.
enum SymmetryExpansion {
    private struct PendingSite {
        var fractional: Vector3
        var species: [Species]
        let label: String
        let line: Int
    }

    static func expand(_ atoms: [CIFAtom], operations: [SymmetryOperation], options: CIFReadOptions,
                       warnings: inout [CIFWarning]) throws(CIFError) -> [Site] {
        let ops = operations.isEmpty ? [SymmetryOperation.identity] : operations
        var pending: [PendingSite] = []
        var grid = PositionGrid(tolerance: options.siteTolerance)
        var positions: [Vector3] = []
        for atom in atoms {
            var orbit: [Vector3] = []
            for op in ops {
                let image = wrap(op.apply(atom.fractional))
                if orbit.contains(where: { periodicDistance($0, image) <= options.siteTolerance }) { continue }
                orbit.append(image)
            }
            for image in orbit {
                if let k = grid.find(image, in: positions) {
                    if let s = pending[k].species.firstIndex(where: {
                        $0.element == atom.species.element && $0.oxidationState == atom.species.oxidationState
                    }) {
                        let existing = pending[k].species[s]
                        pending[k].species[s] = existing.with(occupancy: existing.occupancy + atom.species.occupancy)
                    } else {
                        pending[k].species.append(atom.species)
                    }
                } else {
                    guard pending.count < options.maxAtoms else {
                        throw CIFError(.tooManyAtoms(count: pending.count + 1, limit: options.maxAtoms, expanded: true),
                                       line: atom.line, tag: "_atom_site_label")
                    }
                    grid.insert(image, index: pending.count)
                    positions.append(image)
                    pending.append(PendingSite(fractional: image, species: [atom.species], label: atom.label, line: atom.line))
                }
            }
        }
        var sites: [Site] = []
        sites.reserveCapacity(pending.count)
        for site in pending {
            let total = site.species.reduce(0) { $0 + $1.occupancy }
            var species = site.species
            if total > 1 + options.occupancyTolerance {
                throw CIFError(.overfullSite(label: site.label, total: total), line: site.line, tag: "_atom_site_occupancy")
            }
            if total > 1 + Structure.occupancyTolerance {
                species = species.map { $0.with(occupancy: $0.occupancy / total) }
                warnings.append(CIFWarning(.occupancyNormalised, line: site.line, tag: "_atom_site_occupancy",
                                           "site \(site.label): occupancies summing to \(total) scaled to 1"))
            }
            sites.append(Site(species: species, fractional: site.fractional, label: site.label))
        }
        return sites
    }

    /// Coordinates wrapped into [0, 1), with values within 1e-12 of 1 mapped to 0.
    static func wrap(_ p: Vector3) -> Vector3 {
        var w = p - p.rounded(.down)
        for i in 0..<3 where w[i] >= 1 - 1e-12 || abs(w[i]) < 1e-15 { w[i] = 0 }
        return w
    }

    /// Largest per-axis fractional difference modulo 1.
    static func periodicDistance(_ a: Vector3, _ b: Vector3) -> Double {
        var d = a - b
        d -= d.rounded(.toNearestOrAwayFromZero)
        return max(abs(d.x), abs(d.y), abs(d.z))
    }
}

/// Buckets positions on a periodic grid so coincident positions are found without comparing all
/// pairs. The bucket size is at least the tolerance, so a match lies in a neighbouring bucket.
struct PositionGrid {
    private let divisions: Int
    private let tolerance: Double
    private var buckets: [SIMD3<Int>: [Int]] = [:]

    init(tolerance: Double) {
        self.tolerance = tolerance
        let d = tolerance > 0 ? Int((1 / (2 * tolerance)).rounded(.down)) : 1
        self.divisions = max(1, min(d, 200))
    }

    private func key(_ p: Vector3) -> SIMD3<Int> {
        let n = Double(divisions)
        return SIMD3<Int>(
            (Int((p.x * n).rounded(.down)) % divisions + divisions) % divisions,
            (Int((p.y * n).rounded(.down)) % divisions + divisions) % divisions,
            (Int((p.z * n).rounded(.down)) % divisions + divisions) % divisions)
    }

    mutating func insert(_ p: Vector3, index: Int) {
        buckets[key(p), default: []].append(index)
    }

    /// Index of a stored position within the tolerance of `p`, if any.
    func find(_ p: Vector3, in positions: [Vector3]) -> Int? {
        let k = key(p)
        var best: Int?
        for dx in -1...1 {
            for dy in -1...1 {
                for dz in -1...1 {
                    let neighbour = SIMD3<Int>(
                        ((k.x + dx) % divisions + divisions) % divisions,
                        ((k.y + dy) % divisions + divisions) % divisions,
                        ((k.z + dz) % divisions + divisions) % divisions)
                    for index in buckets[neighbour] ?? []
                    where SymmetryExpansion.periodicDistance(positions[index], p) <= tolerance {
                        best = min(best ?? index, index)
                    }
                }
            }
        }
        return best
    }
}
