/// An affine subspace of fractional coordinates: a point and 0–3 independent direction vectors.
///
/// The fixed-point set of a symmetry operation, and of a site-symmetry group, is such a flat; a
/// Wyckoff position is a class of flats under the space group (see `WyckoffDerivation`).
struct AffineFlat: Sendable, Hashable {
    /// One point of the flat.
    let point: Vector3
    /// Linearly independent directions spanning the flat (empty for a point).
    let directions: [Vector3]

    /// 0 for a point, 1 for a line, 2 for a plane, 3 for all of space: the number of free
    /// parameters of a Wyckoff position.
    var dimension: Int { directions.count }

    /// All of space.
    static let space = AffineFlat(point: .zero, directions: [Vector3(1, 0, 0), Vector3(0, 1, 0), Vector3(0, 0, 1)])

    /// The solutions of `rows · x = rhs`, or `nil` when there are none.
    init?(rows: [Vector3], rhs: [Double]) {
        guard let solution = LinearSystem.solve(rows: rows, rhs: rhs) else { return nil }
        self.init(point: solution.point, directions: solution.nullSpace)
    }

    /// Creates a flat from a point and independent directions.
    init(point: Vector3, directions: [Vector3]) {
        self.point = point
        self.directions = directions
    }

    /// Points fixed by `x ↦ rotation·x + translation`, or `nil` when it fixes none.
    init?(fixedBy rotation: Matrix3, translation: Vector3) {
        let rows = [rotation.r0 - Vector3(1, 0, 0), rotation.r1 - Vector3(0, 1, 0), rotation.r2 - Vector3(0, 0, 1)]
        self.init(rows: rows, rhs: [-translation.x, -translation.y, -translation.z])
    }

    /// The image under `x ↦ rotation·x + translation`.
    func mapped(rotation: Matrix3, translation: Vector3) -> AffineFlat {
        AffineFlat(point: rotation * point + translation, directions: directions.map { rotation * $0 })
    }

    /// A point of the flat with no special coordinates: `point` plus irrational-looking multiples
    /// of the directions, so that its site symmetry is exactly that of the flat.
    var genericPoint: Vector3 {
        let coefficients = [0.1372, 0.2519, 0.0683]
        var p = point
        for (d, c) in zip(directions, coefficients) {
            let scale = max(abs(d.x), abs(d.y), abs(d.z))
            p += (c / (scale > 0 ? scale : 1)) * d
        }
        return p
    }

    /// The normal of a plane (integer, primitive, sign fixed), for `dimension == 2`.
    var planeNormal: IntegerVector? {
        guard dimension == 2 else { return nil }
        return IntegerVector.primitive(parallelTo: cross(directions[0], directions[1]))
    }

    /// The direction of a line (integer, primitive, sign fixed), for `dimension == 1`.
    var lineDirection: IntegerVector? {
        guard dimension == 1 else { return nil }
        return IntegerVector.primitive(parallelTo: directions[0])
    }

    /// The intersection with another flat, or `nil` when they do not meet.
    func intersection(_ other: AffineFlat) -> AffineFlat? {
        guard let a = equations, let b = other.equations else { return nil }
        return AffineFlat(rows: a.rows + b.rows, rhs: a.rhs + b.rhs)
    }

    /// Equations `rows · x = rhs` whose solutions are this flat (one row per missing dimension).
    var equations: (rows: [Vector3], rhs: [Double])? {
        switch dimension {
        case 3: return ([], [])
        case 2:
            guard let n = planeNormal?.real else { return nil }
            return ([n], [dot(n, point)])
        case 1:
            guard let d = lineDirection?.real else { return nil }
            // Two independent normals of the line.
            let trial = abs(d.x) < 0.5 ? Vector3(1, 0, 0) : Vector3(0, 1, 0)
            let n1 = cross(d, trial)
            let n2 = cross(d, n1)
            return ([n1, n2], [dot(n1, point), dot(n2, point)])
        default:
            return ([Vector3(1, 0, 0), Vector3(0, 1, 0), Vector3(0, 0, 1)], [point.x, point.y, point.z])
        }
    }
}
