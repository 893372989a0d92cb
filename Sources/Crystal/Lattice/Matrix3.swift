/// A Cartesian or fractional 3-vector.
public typealias Vector3 = SIMD3<Double>

/// A 3×3 matrix stored as three row vectors.
///
/// Vectors multiply from the left (`v * M`), matching the row-vector convention of `Lattice`.
public struct Matrix3: Sendable, Hashable {
    /// First row.
    public let r0: Vector3
    /// Second row.
    public let r1: Vector3
    /// Third row.
    public let r2: Vector3

    /// Creates a matrix from its rows.
    public init(_ r0: Vector3, _ r1: Vector3, _ r2: Vector3) {
        self.r0 = r0
        self.r1 = r1
        self.r2 = r2
    }

    /// The identity matrix.
    public static let identity = Matrix3(Vector3(1, 0, 0), Vector3(0, 1, 0), Vector3(0, 0, 1))

    /// The row `i` (0, 1 or 2; any other index gives the last row).
    public func row(_ i: Int) -> Vector3 {
        switch i {
        case 0: r0
        case 1: r1
        default: r2
        }
    }

    /// The determinant.
    public var determinant: Double {
        dot(r0, cross(r1, r2))
    }

    /// The transpose.
    public var transposed: Matrix3 {
        Matrix3(
            Vector3(r0.x, r1.x, r2.x),
            Vector3(r0.y, r1.y, r2.y),
            Vector3(r0.z, r1.z, r2.z))
    }

    /// The inverse, or `nil` when the determinant is zero or not finite.
    public var inverse: Matrix3? {
        let det = determinant
        guard det.isFinite, det != 0 else { return nil }
        // Columns of the inverse are the cross products of the rows, divided by the determinant.
        let c0 = cross(r1, r2) / det
        let c1 = cross(r2, r0) / det
        let c2 = cross(r0, r1) / det
        return Matrix3(c0, c1, c2).transposed
    }

    /// Row vector times matrix: `v.x * r0 + v.y * r1 + v.z * r2`.
    public static func * (v: Vector3, m: Matrix3) -> Vector3 {
        v.x * m.r0 + v.y * m.r1 + v.z * m.r2
    }

    /// Matrix times column vector.
    public static func * (m: Matrix3, v: Vector3) -> Vector3 {
        Vector3(dot(m.r0, v), dot(m.r1, v), dot(m.r2, v))
    }

    /// Matrix product.
    public static func * (a: Matrix3, b: Matrix3) -> Matrix3 {
        Matrix3(a.r0 * b, a.r1 * b, a.r2 * b)
    }

    public static func == (a: Matrix3, b: Matrix3) -> Bool {
        a.r0 == b.r0 && a.r1 == b.r1 && a.r2 == b.r2
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(r0)
        hasher.combine(r1)
        hasher.combine(r2)
    }
}

/// Dot product.
@inlinable public func dot(_ a: Vector3, _ b: Vector3) -> Double {
    (a * b).sum()
}

/// Cross product.
@inlinable public func cross(_ a: Vector3, _ b: Vector3) -> Vector3 {
    Vector3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
}

/// Euclidean length.
@inlinable public func length(_ v: Vector3) -> Double {
    dot(v, v).squareRoot()
}
