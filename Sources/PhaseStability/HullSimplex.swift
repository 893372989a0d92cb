/// The lower-hull linear program of `HullLinearProgram`, solved by a revised simplex for many
/// columns and few rows (one row per element of the system).
///
/// minimise Σ λ_k e_k subject to Σ λ_k x_k = x, λ ≥ 0. Columns are stored flat (column-major)
/// and the basis inverse is an n×n matrix, so an iteration costs O(m·n + n²) instead of the
/// tableau's O(m·n) update of every column. The first n columns must be the unit vectors (the
/// elemental terminals): they are the starting basis. Pricing is Dantzig's (most negative
/// reduced cost) for the first iterations, then Bland's rule, which cannot cycle.
struct HullSimplex {
    /// Number of rows (elements).
    let rows: Int
    /// Column-major fraction vectors: column j occupies `matrix[j * rows ..< (j + 1) * rows]`.
    private(set) var matrix: [Double] = []
    /// Cost (formation energy per atom) per column.
    private(set) var costs: [Double] = []

    /// Pivot and optimality tolerance.
    static let epsilon = 1e-12

    init(rows: Int) { self.rows = rows }

    /// Number of columns.
    var columnCount: Int { costs.count }

    /// Appends a column (`vector.count` must equal `rows`).
    mutating func append(_ vector: [Double], cost: Double) {
        matrix.append(contentsOf: vector)
        costs.append(cost)
    }

    /// The optimum at target fractions `x` over the columns whose `excluded` flag is false
    /// (all when nil): hull energy and (column, weight) pairs with weight > 0; nil when the
    /// iteration limit is hit.
    func solve(target x: [Double], excluded: [Bool]? = nil) -> (energy: Double, weights: [(column: Int, weight: Double)])? {
        let n = rows
        let m = costs.count
        guard x.count == n, m >= n else { return nil }
        var inverse = [Double](repeating: 0, count: n * n)
        for i in 0..<n { inverse[i * n + i] = 1 }
        var values = x
        var basis = Array(0..<n)
        var isBasic = [Bool](repeating: false, count: m)
        for i in 0..<n { isBasic[i] = true }
        var duals = [Double](repeating: 0, count: n)
        var direction = [Double](repeating: 0, count: n)
        let limit = 50 * (m + n)
        for iteration in 0..<limit {
            // y = c_B B⁻¹
            for k in 0..<n {
                var sum = 0.0
                for i in 0..<n { sum += costs[basis[i]] * inverse[i * n + k] }
                duals[k] = sum
            }
            let bland = iteration >= 4 * n + 20
            var entering = -1
            var best = -Self.epsilon
            for j in 0..<m where !isBasic[j] && !(excluded?[j] ?? false) {
                var reduced = costs[j]
                let offset = j * n
                for k in 0..<n { reduced -= duals[k] * matrix[offset + k] }
                if reduced < best {
                    entering = j
                    if bland { break }
                    best = reduced
                }
            }
            if entering < 0 {
                var energy = 0.0
                var weights: [(column: Int, weight: Double)] = []
                for i in 0..<n {
                    energy += costs[basis[i]] * values[i]
                    if values[i] > Self.epsilon { weights.append((basis[i], values[i])) }
                }
                return (energy, weights)
            }
            // d = B⁻¹ a_j
            let offset = entering * n
            for i in 0..<n {
                var sum = 0.0
                for k in 0..<n { sum += inverse[i * n + k] * matrix[offset + k] }
                direction[i] = sum
            }
            var leaving = -1
            var bestRatio = Double.infinity
            for i in 0..<n where direction[i] > Self.epsilon {
                let ratio = max(values[i], 0) / direction[i]
                if leaving < 0 || ratio < bestRatio - Self.epsilon
                    || (abs(ratio - bestRatio) <= Self.epsilon && basis[i] < basis[leaving]) {
                    leaving = i
                    bestRatio = ratio
                }
            }
            guard leaving >= 0 else { return nil }
            let pivot = direction[leaving]
            for k in 0..<n { inverse[leaving * n + k] /= pivot }
            values[leaving] /= pivot
            for i in 0..<n where i != leaving && direction[i] != 0 {
                let factor = direction[i]
                for k in 0..<n { inverse[i * n + k] -= factor * inverse[leaving * n + k] }
                values[i] -= factor * values[leaving]
            }
            isBasic[basis[leaving]] = false
            isBasic[entering] = true
            basis[leaving] = entering
        }
        return nil
    }
}
