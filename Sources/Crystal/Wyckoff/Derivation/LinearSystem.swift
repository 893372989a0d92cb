/// Small dense linear systems `A x = b` in three unknowns, solved by Gauss–Jordan elimination.
enum LinearSystem {
    /// Pivots smaller than this are treated as zero (the systems here have small integer or
    /// rational coefficients, so genuine pivots are far larger).
    static let pivotTolerance = 1e-9
    /// A residual above this in a dependent row makes the system inconsistent.
    static let consistencyTolerance = 1e-7

    /// All solutions of the system whose rows are `rows` and right-hand side `rhs`: one solution
    /// and a basis of the null space (one vector per free unknown), or `nil` when inconsistent.
    static func solve(rows: [Vector3], rhs: [Double]) -> (point: Vector3, nullSpace: [Vector3])? {
        guard rows.count == rhs.count else { return nil }
        var m = rows.map { [$0.x, $0.y, $0.z] }
        var b = rhs
        var pivots: [Int] = []
        var rank = 0
        for column in 0..<3 where rank < m.count {
            var best = rank
            for i in rank..<m.count where abs(m[i][column]) > abs(m[best][column]) { best = i }
            guard abs(m[best][column]) > pivotTolerance else { continue }
            m.swapAt(rank, best)
            b.swapAt(rank, best)
            let pivot = m[rank][column]
            for j in 0..<3 { m[rank][j] /= pivot }
            b[rank] /= pivot
            for i in 0..<m.count where i != rank && m[i][column] != 0 {
                let factor = m[i][column]
                for j in 0..<3 { m[i][j] -= factor * m[rank][j] }
                b[i] -= factor * b[rank]
            }
            pivots.append(column)
            rank += 1
        }
        for i in rank..<m.count where abs(b[i]) > consistencyTolerance { return nil }
        var x = [0.0, 0.0, 0.0]
        for (row, column) in pivots.enumerated() { x[column] = b[row] }
        let free = (0..<3).filter { !pivots.contains($0) }
        let nullSpace = free.map { f -> Vector3 in
            var v = [0.0, 0.0, 0.0]
            v[f] = 1
            for (row, column) in pivots.enumerated() { v[column] = -m[row][f] }
            return Vector3(v[0], v[1], v[2])
        }
        return (Vector3(x[0], x[1], x[2]), nullSpace)
    }
}
