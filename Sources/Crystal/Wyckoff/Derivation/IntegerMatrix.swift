/// A 3×3 integer matrix (rows), for the linear parts of symmetry operations and normaliser
/// elements.
struct IntegerMatrix: Hashable, Sendable {
    /// Row-major entries.
    let entries: [Int]

    /// Creates a matrix from nine row-major entries.
    init(entries: [Int]) { self.entries = entries }

    /// The matrix with these real entries when all are within 10⁻⁶ of integers; `nil` otherwise.
    init?(_ matrix: Matrix3?) {
        guard let matrix else { return nil }
        var entries: [Int] = []
        for i in 0..<3 {
            let row = matrix.row(i)
            for j in 0..<3 {
                let r = row[j].rounded()
                guard abs(row[j] - r) < 1e-6, abs(r) < 1e6 else { return nil }
                entries.append(Int(r))
            }
        }
        self.entries = entries
    }

    /// The matrix as `Matrix3`.
    var real: Matrix3 {
        let e = entries.map(Double.init)
        return Matrix3(Vector3(e[0], e[1], e[2]), Vector3(e[3], e[4], e[5]), Vector3(e[6], e[7], e[8]))
    }

    /// Matrix product.
    static func * (a: IntegerMatrix, b: IntegerMatrix) -> IntegerMatrix {
        var out = [Int](repeating: 0, count: 9)
        for i in 0..<3 {
            for j in 0..<3 {
                for k in 0..<3 { out[3 * i + j] += a.entries[3 * i + k] * b.entries[3 * k + j] }
            }
        }
        return IntegerMatrix(entries: out)
    }

    /// Matrix times an integer column vector.
    static func * (a: IntegerMatrix, v: IntegerVector) -> IntegerVector {
        let e = a.entries
        return IntegerVector(e[0] * v.x + e[1] * v.y + e[2] * v.z, e[3] * v.x + e[4] * v.y + e[5] * v.z,
                             e[6] * v.x + e[7] * v.y + e[8] * v.z)
    }
}
