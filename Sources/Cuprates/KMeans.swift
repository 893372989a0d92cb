/// Deterministic k-means (Lloyd's algorithm with k-means++ seeding from a fixed seed).
public struct KMeans: Sendable, Hashable {
    /// Cluster index of every point, in input order.
    public let assignments: [Int]
    /// Cluster centres.
    public let centres: [[Double]]

    /// Clusters `points` into at most `k` clusters (fewer when there are fewer distinct points).
    /// The same points, k and seed give the same clusters.
    public init(points: [[Double]], k: Int, seed: UInt64 = 0, maximumIterations: Int = 100) {
        var generator = SplitMix64(seed: seed)
        var centres: [[Double]] = []
        if !points.isEmpty {
            centres.append(points[Int(generator.next() % UInt64(points.count))])
        }
        while centres.count < min(k, points.count) {
            let distances = points.map { point in centres.map { Self.squaredDistance(point, $0) }.min() ?? 0 }
            let total = distances.reduce(0, +)
            guard total > 0 else { break }
            var target = Double(generator.next() >> 11) / Double(1 << 53) * total
            var chosen = distances.count - 1
            for (index, distance) in distances.enumerated() {
                target -= distance
                if target < 0 { chosen = index; break }
            }
            centres.append(points[chosen])
        }
        var assignments = Array(repeating: 0, count: points.count)
        for _ in 0..<maximumIterations {
            let next = points.map { point in
                centres.indices.min { Self.squaredDistance(point, centres[$0]) < Self.squaredDistance(point, centres[$1]) } ?? 0
            }
            for cluster in centres.indices {
                let members = points.indices.filter { next[$0] == cluster }
                guard !members.isEmpty else { continue }
                centres[cluster] = (0..<points[members[0]].count).map { axis in
                    members.reduce(0) { $0 + points[$1][axis] } / Double(members.count)
                }
            }
            if next == assignments { break }
            assignments = next
        }
        self.assignments = assignments
        self.centres = centres
    }

    static func squaredDistance(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }
}

/// SplitMix64: a small, fast, reproducible 64-bit generator.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
