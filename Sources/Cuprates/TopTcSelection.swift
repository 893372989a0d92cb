/// The thesis's selection within a family: k-means on (a, c), then the top fraction by Tc of
/// each cluster (records likely near optimal doping, with the structural diversity kept).
public struct TopTcSelection: Sendable, Hashable {
    /// Cluster of each record, in input order.
    public let clusters: [Int]
    /// Whether each record is among the top `fraction` of its cluster by Tc.
    public let selected: [Bool]
    /// Number of clusters used.
    public let clusterCount: Int

    /// Clusters records with lattice parameters `points` ([a*, c]) and critical temperatures `tc`.
    /// - Parameters:
    ///   - k: clusters requested (fewer when there are fewer distinct points).
    ///   - fraction: share kept per cluster (at least one record per cluster).
    ///   - seed: the k-means seed (fixed, so the selection is reproducible).
    public init(points: [[Double]], tc: [Double], k: Int, fraction: Double = 0.2, seed: UInt64 = 0) {
        let means = KMeans(points: points, k: k, seed: seed)
        var selected = Array(repeating: false, count: points.count)
        for cluster in means.centres.indices {
            let members = points.indices.filter { means.assignments[$0] == cluster }
                .sorted { (tc[$0], -$0) > (tc[$1], -$1) }
            guard !members.isEmpty else { continue }
            let keep = max(1, Int((Double(members.count) * fraction).rounded(.up)))
            for index in members.prefix(keep) { selected[index] = true }
        }
        self.clusters = means.assignments
        self.selected = selected
        self.clusterCount = means.centres.count
    }

    /// The default number of clusters for n records: one per 10, between 1 and 8.
    public static func defaultClusterCount(records: Int) -> Int { max(1, min(8, records / 10)) }
}
