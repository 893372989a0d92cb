import Foundation

/// A crystal lattice: three lattice vectors, stored as the rows of a 3×3 matrix (Å).
///
/// Built from parameters, the convention is a along x, b in the xy plane, c completing a
/// right-handed cell. Fractional coordinates `f` map to Cartesian ones by `f * matrix`.
/// Immutable; every initialiser rejects degenerate cells with a `LatticeError`.
public struct Lattice: Sendable, Hashable {
    /// The smallest accepted `volume / (a·b·c)` (the volume of the cell relative to the
    /// rectangular box of its edges). Below it a cell is treated as flat. A cube has 1; a real
    /// triclinic cell with 30° angles about 0.1.
    public static let minimumVolumeRatio = 1e-5

    /// Lattice vectors as rows (Å).
    public let matrix: Matrix3
    /// Inverse of `matrix`, for Cartesian → fractional.
    public let inverseMatrix: Matrix3

    /// Creates a lattice from its vectors (rows, Å). The determinant must be positive
    /// (right-handed) and not negligible relative to the edge lengths.
    public init(matrix: Matrix3) throws(LatticeError) {
        for i in 0..<3 {
            let row = matrix.row(i)
            guard row.x.isFinite, row.y.isFinite, row.z.isFinite else {
                throw .nonFinite("lattice vector \(i + 1)")
            }
        }
        let lengths = (length(matrix.r0), length(matrix.r1), length(matrix.r2))
        for (name, value) in [("a", lengths.0), ("b", lengths.1), ("c", lengths.2)] where !(value > 0) {
            throw .nonPositiveLength(name: name, value: value)
        }
        let volume = matrix.determinant
        guard volume > 0, volume / (lengths.0 * lengths.1 * lengths.2) >= Self.minimumVolumeRatio,
              let inverse = matrix.inverse
        else {
            throw .degenerateVolume(volume: volume)
        }
        self.matrix = matrix
        self.inverseMatrix = inverse
    }

    /// Creates a lattice from lengths (Å) and angles (degrees): a along x, b in the xy plane.
    public init(parameters p: LatticeParameters) throws(LatticeError) {
        let named = [("a", p.a), ("b", p.b), ("c", p.c), ("alpha", p.alpha), ("beta", p.beta), ("gamma", p.gamma)]
        for (name, value) in named where !value.isFinite {
            throw .nonFinite("cell parameter \(name)")
        }
        for (name, value) in named.prefix(3) where !(value > 0) {
            throw .nonPositiveLength(name: name, value: value)
        }
        for (name, value) in named.suffix(3) where !(value > 0 && value < 180) {
            throw .angleOutOfRange(name: name, value: value)
        }
        let (ca, cb, cg) = (Self.cosine(p.alpha), Self.cosine(p.beta), Self.cosine(p.gamma))
        let sg = Self.sine(p.gamma)
        let radicand = 1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg
        let ratio = radicand > 0 ? radicand.squareRoot() : 0
        guard ratio >= Self.minimumVolumeRatio else {
            throw .degenerateVolume(volume: p.a * p.b * p.c * ratio)
        }
        let c1 = p.c * cb
        let c2 = p.c * (ca - cb * cg) / sg
        let c3Squared = p.c * p.c - c1 * c1 - c2 * c2
        let c3 = c3Squared > 0 ? c3Squared.squareRoot() : 0
        try self.init(matrix: Matrix3(
            Vector3(p.a, 0, 0),
            Vector3(p.b * cg, p.b * sg, 0),
            Vector3(c1, c2, c3)))
    }

    /// Convenience: lengths in Å, angles in degrees.
    public init(a: Double, b: Double, c: Double, alpha: Double, beta: Double, gamma: Double) throws(LatticeError) {
        try self.init(parameters: LatticeParameters(a: a, b: b, c: c, alpha: alpha, beta: beta, gamma: gamma))
    }

    /// Lengths and angles of the cell.
    public var parameters: LatticeParameters {
        let (a, b, c) = (matrix.r0, matrix.r1, matrix.r2)
        return LatticeParameters(
            a: length(a), b: length(b), c: length(c),
            alpha: Self.angle(b, c), beta: Self.angle(a, c), gamma: Self.angle(a, b))
    }

    /// Cell volume (Å³), always positive.
    public var volume: Double { matrix.determinant }

    /// The reciprocal lattice with the physics convention (`aᵢ · bⱼ = 2π δᵢⱼ`), in Å⁻¹.
    public var reciprocal: Lattice {
        reciprocal(scale: 2 * Double.pi)
    }

    /// The reciprocal lattice with the crystallographic convention (`aᵢ · bⱼ = δᵢⱼ`), in Å⁻¹.
    public var reciprocalCrystallographic: Lattice {
        reciprocal(scale: 1)
    }

    private func reciprocal(scale: Double) -> Lattice {
        let t = inverseMatrix.transposed
        let scaled = Matrix3(t.r0 * scale, t.r1 * scale, t.r2 * scale)
        // The inverse of a valid cell is a valid cell; construct without re-validation.
        return Lattice(unchecked: scaled)
    }

    private init(unchecked matrix: Matrix3) {
        self.matrix = matrix
        self.inverseMatrix = matrix.inverse ?? .identity
    }

    /// Cartesian coordinates (Å) of fractional coordinates.
    public func cartesian(_ fractional: Vector3) -> Vector3 {
        fractional * matrix
    }

    /// Fractional coordinates of Cartesian ones (Å).
    public func fractional(_ cartesian: Vector3) -> Vector3 {
        cartesian * inverseMatrix
    }

    /// Distances between opposite faces of the cell (Å), for the a, b and c directions.
    public var interplanarSpacings: Vector3 {
        let r = reciprocalCrystallographic.matrix
        return Vector3(1 / length(r.r0), 1 / length(r.r1), 1 / length(r.r2))
    }

    public static func == (lhs: Lattice, rhs: Lattice) -> Bool { lhs.matrix == rhs.matrix }
    public func hash(into hasher: inout Hasher) { hasher.combine(matrix) }

    /// Cosine of an angle in degrees, exact at 90°, 60° and 120° multiples where it matters.
    static func cosine(_ degrees: Double) -> Double {
        if degrees == 90 { return 0 }
        return cos(degrees * Double.pi / 180)
    }

    static func sine(_ degrees: Double) -> Double {
        if degrees == 90 { return 1 }
        return sin(degrees * Double.pi / 180)
    }

    private static func angle(_ u: Vector3, _ v: Vector3) -> Double {
        let c = dot(u, v) / (length(u) * length(v))
        return acos(min(1, max(-1, c))) * 180 / Double.pi
    }
}
