/// Cells for the spglib calls of the Wyckoff derivation: a lattice with no accidental symmetry
/// for the crystal system, and a general point whose orbit pins the space group.
enum TestCell {
    /// A conventional lattice with generic parameters for `system` (no extra metric symmetry).
    static func lattice(for system: CrystalSystem) -> Lattice? {
        switch system {
        case .triclinic: try? Lattice(a: 5.1, b: 6.2, c: 7.3, alpha: 79, beta: 84, gamma: 71)
        case .monoclinic: try? Lattice(a: 5.1, b: 6.2, c: 7.3, alpha: 90, beta: 104, gamma: 90)
        case .orthorhombic: try? Lattice(a: 5.1, b: 6.2, c: 7.3, alpha: 90, beta: 90, gamma: 90)
        case .tetragonal: try? Lattice(a: 5.1, b: 5.1, c: 7.3, alpha: 90, beta: 90, gamma: 90)
        case .trigonal, .hexagonal: try? Lattice(a: 5.1, b: 5.1, c: 7.3, alpha: 90, beta: 90, gamma: 120)
        case .cubic: try? Lattice(a: 6.1, b: 6.1, c: 6.1, alpha: 90, beta: 90, gamma: 90)
        }
    }

    /// Two points in general position (trivial site symmetry in every space group). Their orbits,
    /// as two atom types, have exactly the group's symmetry: one general orbit alone can have
    /// more (a polar group's orbit may gain an inversion centre).
    static let generalPoints = [Vector3(0.0613, 0.1871, 0.4297), Vector3(0.3317, 0.0457, 0.2239)]

    /// spglib's view of the orbits of `points` (type 1, 2, … in order) under `group`, each
    /// point expanded over the group's operations in the generic lattice of its crystal system.
    static func probe(_ group: SpaceGroupOperations, points: [Vector3]) -> (probe: WyckoffProbe, counts: [Int])? {
        guard let system = CrystalSystem(spaceGroupNumber: group.number),
              let lattice = lattice(for: system) else { return nil }
        var positions: [Vector3] = []
        var types: [Int] = []
        var counts: [Int] = []
        for (index, point) in points.enumerated() {
            let orbit = group.orbit(of: point)
            positions += orbit
            types += Array(repeating: index + 1, count: orbit.count)
            counts.append(orbit.count)
        }
        guard let probe = WyckoffProbe(lattice: lattice, positions: positions, types: types) else { return nil }
        return (probe, counts)
    }
}
