/// Integer vectors for lattice directions and plane normals.
typealias IntegerVector = SIMD3<Int>

extension IntegerVector {
    /// The primitive integer vector parallel to `v` (same or opposite sense), with its first
    /// non-zero component positive; `nil` for a zero vector or one with no small integer multiple
    /// (denominators up to 12 are tried, which covers every crystallographic direction).
    static func primitive(parallelTo v: Vector3) -> IntegerVector? {
        let largest = Swift.max(abs(v.x), abs(v.y), abs(v.z))
        guard largest > 1e-12, largest.isFinite else { return nil }
        let unit = v / largest
        for k in 1...12 {
            let scaled = unit * Double(k)
            let rounded = scaled.rounded(.toNearestOrAwayFromZero)
            let error = Swift.max(abs(scaled.x - rounded.x), abs(scaled.y - rounded.y), abs(scaled.z - rounded.z))
            guard error < 1e-6 else { continue }
            var n = IntegerVector(Int(rounded.x), Int(rounded.y), Int(rounded.z))
            let divisor = greatestCommonDivisor(greatestCommonDivisor(abs(n.x), abs(n.y)), abs(n.z))
            guard divisor > 0 else { return nil }
            n /= IntegerVector(repeating: divisor)
            let first = n.x != 0 ? n.x : (n.y != 0 ? n.y : n.z)
            return first < 0 ? 0 &- n : n
        }
        return nil
    }

    /// The vector as real components.
    var real: Vector3 { Vector3(Double(x), Double(y), Double(z)) }
}

/// Greatest common divisor of two non-negative integers.
func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a
}
