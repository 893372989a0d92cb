/// The lower-hull energy at one composition as a linear program, solved by a dense simplex.
///
/// minimise Σ_k λ_k e_k subject to Σ_k λ_k x_k = x and λ ≥ 0, where the columns x_k are the
/// atomic-fraction vectors of candidate phases over the n elements of the target's chemical
/// system and e_k their formation energies per atom. Because the fractions sum to 1, Σ λ_k = 1
/// follows, so the optimum is the lower convex hull of (x_k, e_k) evaluated at x, and the basic
/// columns with λ_k > 0 are the vertices of the hull facet below x (the decomposition).
///
/// The first n columns must be the pure elements in row order (the unit vectors), which gives a
/// feasible starting basis without a phase-one step. Bland's rule (lowest index enters and
/// leaves) prevents cycling on the degenerate bases that zero fractions produce.
struct HullLinearProgram {
    /// Atomic fractions per column (each of length n).
    let columns: [[Double]]
    /// Formation energy per atom per column.
    let costs: [Double]

    /// Pivot and optimality tolerance.
    static let epsilon = 1e-12

    /// The optimum for target fractions `x`: hull energy and the (column, weight) pairs with weight > 0,
    /// or nil when the iteration limit is hit.
    func solve(target x: [Double]) -> (energy: Double, weights: [(column: Int, weight: Double)])? {
        let n = x.count
        let m = columns.count
        // Tableau rows hold B⁻¹A; rhs holds B⁻¹x. The starting basis is the identity (elements).
        var tableau = (0..<n).map { i in columns.map { $0[i] } }
        var rhs = x
        var basis = Array(0..<n)
        let limit = 50 * (m + n)
        for _ in 0..<limit {
            // Reduced costs r_j = c_j − c_B · (B⁻¹A)_j; Bland: first j with r_j < 0 enters.
            var entering: Int?
            for j in 0..<m {
                var reduced = costs[j]
                for i in 0..<n where tableau[i][j] != 0 { reduced -= costs[basis[i]] * tableau[i][j] }
                if reduced < -Self.epsilon { entering = j; break }
            }
            guard let j = entering else {
                var energy = 0.0
                var weights: [(column: Int, weight: Double)] = []
                for i in 0..<n {
                    energy += costs[basis[i]] * rhs[i]
                    if rhs[i] > Self.epsilon { weights.append((basis[i], rhs[i])) }
                }
                return (energy, weights)
            }
            // Ratio test; ties broken by the smallest basic column index (Bland).
            var leaving: Int?
            var bestRatio = Double.infinity
            for i in 0..<n where tableau[i][j] > Self.epsilon {
                let ratio = max(rhs[i], 0) / tableau[i][j]
                if let current = leaving {
                    if ratio < bestRatio - Self.epsilon || (abs(ratio - bestRatio) <= Self.epsilon && basis[i] < basis[current]) {
                        leaving = i
                        bestRatio = ratio
                    }
                } else {
                    leaving = i
                    bestRatio = ratio
                }
            }
            // Columns are non-negative fraction vectors, so the program is bounded: a column
            // with no positive entry cannot improve the objective.
            guard let r = leaving else { return nil }
            pivot(&tableau, &rhs, row: r, column: j)
            basis[r] = j
        }
        return nil
    }

    /// Gauss–Jordan pivot on (row, column).
    private func pivot(_ tableau: inout [[Double]], _ rhs: inout [Double], row r: Int, column j: Int) {
        let p = tableau[r][j]
        for k in tableau[r].indices { tableau[r][k] /= p }
        rhs[r] /= p
        tableau[r][j] = 1
        for i in tableau.indices where i != r {
            let factor = tableau[i][j]
            if factor == 0 { continue }
            for k in tableau[i].indices { tableau[i][k] -= factor * tableau[r][k] }
            rhs[i] -= factor * rhs[r]
            tableau[i][j] = 0
        }
    }
}
