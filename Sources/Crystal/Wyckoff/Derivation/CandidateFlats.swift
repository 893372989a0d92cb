extension SpaceGroupOperations {
    /// Integer shifts tried when solving for fixed points: with rotation entries in {−1, 0, 1}
    /// every fixed flat meeting the unit cell needs shifts of at most 4 in each component.
    private static let fixedPointShifts: [Vector3] = integerShifts(in: -4...4)
    /// Shifts tried between two axes: enough to reach every crossing class modulo the lattice.
    private static let axisShifts: [IntegerVector] = integerShifts(in: -3...3).map {
        IntegerVector(Int($0.x), Int($0.y), Int($0.z))
    }

    /// Every flat that is the fixed-point set of a site-symmetry group, one per class modulo
    /// lattice translations: all of space, the fixed flats of each operation (mirror planes,
    /// rotation axes, centres of rotoinversions) and the crossing points of two rotation axes.
    ///
    /// These are all of them: a site-symmetry group that fixes only a point contains either a
    /// rotoinversion or two rotations about different axes, and one that fixes a line or a plane
    /// contains a rotation about that line or the reflection in that plane.
    func candidateFlats() -> [AffineFlat] {
        var byKey: [FlatKey: AffineFlat] = [:]
        if let key = FlatKey(.space) { byKey[key] = .space }
        var axes: [AffineFlat] = []
        for op in operations where op.rotation != .identity {
            for shift in Self.fixedPointShifts {
                guard let flat = AffineFlat(fixedBy: op.rotation, translation: op.translation + shift),
                      let key = FlatKey(flat), byKey[key] == nil
                else { continue }
                let rebased = AffineFlat(point: Self.reduced(flat.point), directions: flat.directions)
                byKey[key] = rebased
                if rebased.dimension == 1 { axes.append(rebased) }
            }
        }
        for (i, first) in axes.enumerated() {
            for second in axes[(i + 1)...] {
                for point in Self.crossings(first, second) {
                    let flat = AffineFlat(point: Self.reduced(point), directions: [])
                    if let key = FlatKey(flat), byKey[key] == nil { byKey[key] = flat }
                }
            }
        }
        return byKey.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Points where `first` meets an integer translate of `second`.
    private static func crossings(_ first: AffineFlat, _ second: AffineFlat) -> [Vector3] {
        guard let d1 = first.lineDirection, let d2 = second.lineDirection else { return [] }
        let n = IntegerVector(d1.y * d2.z - d1.z * d2.y, d1.z * d2.x - d1.x * d2.z, d1.x * d2.y - d1.y * d2.x)
        guard n != .zero else { return [] }
        // second + t meets first iff n·(q2 + t − q1) = 0, so n·(q1 − q2) must be an integer.
        let c = dot(n.real, first.point - second.point)
        let target = c.rounded()
        guard abs(c - target) < 1e-6 else { return [] }
        var points: [Vector3] = []
        for t in axisShifts where (n &* t).wrappedSum() == Int(target) {
            let shifted = AffineFlat(point: second.point + t.real, directions: second.directions)
            if let meet = first.intersection(shifted), meet.dimension == 0 { points.append(meet.point) }
        }
        return points
    }

    private static func integerShifts(in range: ClosedRange<Int>) -> [Vector3] {
        range.flatMap { x in range.flatMap { y in range.map { z in Vector3(Double(x), Double(y), Double(z)) } } }
    }
}
