/// A space group's operations on the 1/24 grid, for testing whether an affine map normalises
/// the group.
struct OperationLookup {
    /// Grid steps per unit cell: every translation of the standard settings is a multiple of
    /// 1/24 (1/2, 1/3, 1/4, 1/6, 1/8, 1/12).
    static let grid = 24
    /// Every shift on the grid in [0, 1)³.
    static let gridShifts: [IntegerVector] = (0..<grid).flatMap { x in
        (0..<grid).flatMap { y in (0..<grid).map { z in IntegerVector(x, y, z) } }
    }

    /// One operation with an integer rotation and its translation in grid steps.
    private struct Operation {
        let rotation: IntegerMatrix
        let translation: IntegerVector
    }

    /// An operation conjugated by a normaliser candidate's linear part: `M·W·M⁻¹` and `M·w`.
    struct Conjugate {
        fileprivate let rotation: IntegerMatrix
        fileprivate let rotationCode: Int
        fileprivate let translation: IntegerVector
    }

    private let operations: [Operation]
    private let codes: Set<Int>
    private let linearParts: Set<IntegerMatrix>

    /// Reads the operations; `nil` when a rotation is not integral or a translation is off the grid.
    init?(_ operations: [SymmetryOperation]) {
        var read: [Operation] = []
        for op in operations {
            guard let rotation = IntegerMatrix(op.rotation),
                  let translation = Self.onGrid(op.translation * Double(Self.grid)) else { return nil }
            read.append(Operation(rotation: rotation, translation: Self.wrap(translation)))
        }
        self.operations = read
        codes = Set(read.map { Self.code(Self.rotationCode($0.rotation), $0.translation) })
        linearParts = Set(read.map(\.rotation))
    }

    /// The operations conjugated by the linear part `m`, or `nil` when `M·W·M⁻¹` is not a linear
    /// part of the group for some `W` (then no shift makes `m` a normaliser element).
    func conjugates(by m: IntegerMatrix, inverse: IntegerMatrix) -> [Conjugate]? {
        var result: [Conjugate] = []
        for op in operations {
            let w = m * op.rotation * inverse
            guard linearParts.contains(w) else { return nil }
            result.append(Conjugate(rotation: w, rotationCode: Self.rotationCode(w), translation: m * op.translation))
        }
        return result
    }

    /// True when `n = (M, shift/24)` maps the group onto itself: for every operation `(W, w)`,
    /// `(M·W·M⁻¹, M·w + (I − M·W·M⁻¹)·m)` is an operation modulo the lattice.
    func normalises(_ conjugates: [Conjugate], shift: IntegerVector) -> Bool {
        conjugates.allSatisfy { c in
            let t = c.translation &+ shift &- c.rotation * shift
            return codes.contains(Self.code(c.rotationCode, Self.wrap(t)))
        }
    }

    private static func rotationCode(_ m: IntegerMatrix) -> Int {
        m.entries.reduce(0) { $0 * 5 + ($1 + 2) }
    }

    private static func code(_ rotation: Int, _ t: IntegerVector) -> Int {
        ((rotation * grid + t.x) * grid + t.y) * grid + t.z
    }

    private static func wrap(_ v: IntegerVector) -> IntegerVector {
        IntegerVector((v.x % grid + grid) % grid, (v.y % grid + grid) % grid, (v.z % grid + grid) % grid)
    }

    private static func onGrid(_ v: Vector3) -> IntegerVector? {
        let r = v.rounded(.toNearestOrAwayFromZero)
        guard abs(v.x - r.x) < 1e-6, abs(v.y - r.y) < 1e-6, abs(v.z - r.z) < 1e-6 else { return nil }
        return IntegerVector(Int(r.x), Int(r.y), Int(r.z))
    }
}
