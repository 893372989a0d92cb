import Chemistry

/// Lloyd's k-means with k-means++ seeding from a seeded generator; deterministic for a given
/// point order and seed. Clusters are numbered by decreasing size (ties: smallest first member).
public enum KMeans {
    /// Result: the cluster of every point and the cluster sizes (index = cluster number).
    public struct Result: Sendable, Equatable {
        public var assignments: [Int]
        public var sizes: [Int]
        public var iterations: Int
    }

    /// Clusters `points` (equal-length rows) into `k` clusters.
    public static func cluster(_ points: [[Double]], k: Int, seed: UInt64, maxIterations: Int = 100) -> Result {
        guard !points.isEmpty, k > 0 else { return Result(assignments: [], sizes: [], iterations: 0) }
        let clusterCount = min(k, points.count)
        var generator = SplitMix64(seed: seed)
        var centres = seedCentres(points, k: clusterCount, generator: &generator)
        var assignments = [Int](repeating: -1, count: points.count)
        var iterations = 0
        while iterations < maxIterations {
            iterations += 1
            var changed = false
            for (index, point) in points.enumerated() {
                let nearest = nearestCentre(point, centres).index
                if nearest != assignments[index] { assignments[index] = nearest; changed = true }
            }
            if !changed { break }
            var sums = [[Double]](repeating: [Double](repeating: 0, count: points[0].count), count: clusterCount)
            var counts = [Int](repeating: 0, count: clusterCount)
            for (index, point) in points.enumerated() {
                counts[assignments[index]] += 1
                for column in point.indices { sums[assignments[index]][column] += point[column] }
            }
            for cluster in 0..<clusterCount where counts[cluster] > 0 {
                centres[cluster] = sums[cluster].map { $0 / Double(counts[cluster]) }
            }
        }
        return renumbered(assignments, clusterCount: clusterCount, iterations: iterations)
    }

    static func seedCentres(_ points: [[Double]], k: Int, generator: inout SplitMix64) -> [[Double]] {
        var centres = [points[Int(generator.nextUnit() * Double(points.count)) % points.count]]
        var distances = points.map { squaredDistance($0, centres[0]) }
        while centres.count < k {
            let total = distances.reduce(0, +)
            var chosen = points.count - 1
            if total > 0 {
                var target = generator.nextUnit() * total
                for (index, distance) in distances.enumerated() {
                    target -= distance
                    if target < 0 { chosen = index; break }
                }
            } else {
                chosen = Int(generator.nextUnit() * Double(points.count)) % points.count
            }
            centres.append(points[chosen])
            for index in points.indices { distances[index] = min(distances[index], squaredDistance(points[index], points[chosen])) }
        }
        return centres
    }

    static func nearestCentre(_ point: [Double], _ centres: [[Double]]) -> (index: Int, distance: Double) {
        var best = (index: 0, distance: Double.infinity)
        for (index, centre) in centres.enumerated() {
            let distance = squaredDistance(point, centre)
            if distance < best.distance { best = (index, distance) }
        }
        return best
    }

    static func squaredDistance(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for index in a.indices { let d = a[index] - b[index]; sum += d * d }
        return sum
    }

    static func renumbered(_ assignments: [Int], clusterCount: Int, iterations: Int) -> Result {
        var sizes = [Int](repeating: 0, count: clusterCount)
        var firstMember = [Int](repeating: Int.max, count: clusterCount)
        for (index, cluster) in assignments.enumerated() {
            sizes[cluster] += 1
            firstMember[cluster] = min(firstMember[cluster], index)
        }
        let order = (0..<clusterCount).sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : firstMember[$0] < firstMember[$1] }
        var newNumber = [Int](repeating: 0, count: clusterCount)
        for (number, old) in order.enumerated() { newNumber[old] = number }
        return Result(assignments: assignments.map { newNumber[$0] }, sizes: order.map { sizes[$0] }, iterations: iterations)
    }
}

/// Leave-cluster-out split: k-means on `CompositionDescriptor`; held-out clusters are test,
/// or, without `holdout_clusters`, every record is labelled with its cluster (`cluster-i`) for
/// leave-one-cluster-out cross-validation.
enum ClusterSplit {
    static func assign(_ outcome: inout Splitter.Outcome, k: Int, holdout: [Int]?, fractions: SplitFractions, seed: UInt64) {
        let compositions = outcome.records.map { (try? Composition(formula: $0.canonicalKey)) }
        let points = CompositionDescriptor.standardised(compositions)
        let result = KMeans.cluster(points, k: k, seed: seed)
        if let holdout {
            let held = Set(holdout)
            let heldIds = Set(outcome.records.indices.filter { held.contains(result.assignments[$0]) }.map { outcome.records[$0].id })
            Splitter.holdout(&outcome, fractions: fractions, seed: seed) { heldIds.contains($0.id) }
            outcome.notes["held_out_clusters"] = held.sorted().map(String.init).joined(separator: ",")
        } else {
            for index in outcome.records.indices { outcome.records[index].split = "cluster-\(result.assignments[index])" }
        }
        outcome.notes["cluster_sizes"] = result.sizes.map(String.init).joined(separator: ",")
        outcome.notes["kmeans_iterations"] = String(result.iterations)
    }
}
