/// A canonical name for a flat modulo lattice translations: two flats get the same key exactly
/// when one is the other shifted by an integer vector. Keys compare lexicographically, so the
/// smallest key over a space group's images names the flat's orbit.
struct FlatKey: Hashable, Comparable, Sendable {
    /// Dimension, then integer direction or normal components, then offsets on a 10⁻⁶ grid.
    let values: [Int]

    /// Grid steps per unit of fractional coordinate.
    static let resolution = 1_000_000

    static func < (lhs: FlatKey, rhs: FlatKey) -> Bool { lhs.values.lexicographicallyPrecedes(rhs.values) }

    /// The key of `flat`, or `nil` when its direction is not a small-integer lattice direction.
    init?(_ flat: AffineFlat) {
        switch flat.dimension {
        case 3:
            values = [3]
        case 2:
            guard let n = flat.planeNormal else { return nil }
            // n is primitive, so n·t takes every integer value: n·p mod 1 names the plane.
            values = [2, n.x, n.y, n.z, Self.gridModOne(dot(n.real, flat.point))]
        case 1:
            guard let d = flat.lineDirection else { return nil }
            values = [1, d.x, d.y, d.z] + Self.lineOffset(point: flat.point, direction: d)
        default:
            let p = flat.point
            values = [0, Self.gridModOne(p.x), Self.gridModOne(p.y), Self.gridModOne(p.z)]
        }
    }

    /// Where a line crosses the plane `x_i = 0`, for its smallest non-zero direction component
    /// `d_i`, reduced modulo 1; a shift by `t` moves that point by `t − (t_i/d_i)·d`, so the
    /// smallest of the `|d_i|` candidates `q + (s/d_i)·d` (mod 1) is canonical.
    private static func lineOffset(point p: Vector3, direction d: IntegerVector) -> [Int] {
        let components = [d.x, d.y, d.z]
        guard let i = (0..<3).filter({ components[$0] != 0 }).min(by: { abs(components[$0]) < abs(components[$1]) })
        else { return [] }
        let di = Double(components[i])
        let real = d.real
        let q = p - (p[i] / di) * real
        var best: [Int]?
        for s in 0..<abs(components[i]) {
            let shifted = q + (Double(s) / di) * real
            let candidate = (0..<3).filter { $0 != i }.map { gridModOne(shifted[$0]) }
            if best.map({ candidate.lexicographicallyPrecedes($0) }) ?? true { best = candidate }
        }
        return best ?? []
    }

    /// `value` modulo 1 on the key grid (so 0.9999999 and 0 coincide).
    static func gridModOne(_ value: Double) -> Int {
        let steps = (value * Double(resolution)).rounded()
        guard steps.isFinite, abs(steps) < 1e15 else { return 0 }
        let r = Int(steps) % resolution
        return r < 0 ? r + resolution : r
    }
}
