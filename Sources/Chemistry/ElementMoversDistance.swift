/// The element mover's distance (EleMD) between two compositions on the modified Pettifor scale.
///
/// Both compositions are normalised to fractional weights and placed on the 1-D modified
/// Pettifor scale; on a line the earth mover's distance is the integral of the absolute
/// difference of the two cumulative distributions, i.e. the sum over consecutive scale
/// positions of |CDF_a − CDF_b| × gap.
public enum ElementMoversDistance {
    /// Errors computing the distance.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// An element has no position on the modified Pettifor scale (Z > 103).
        case notOnScale(String)
        public var description: String {
            switch self {
            case .notOnScale(let symbol): "\(symbol) has no modified Pettifor number"
            }
        }
    }

    /// EleMD between `a` and `b` in units of modified Pettifor positions.
    public static func distance(_ a: Composition, _ b: Composition) throws(Failure) -> Double {
        var points: [(position: Int, weight: Double)] = []
        points.reserveCapacity(a.entries.count + b.entries.count)
        let totalA = a.totalAmount
        let totalB = b.totalAmount
        for entry in a.entries {
            guard let position = entry.element.modifiedPettifor else { throw .notOnScale(entry.element.symbol) }
            points.append((position, entry.amount / totalA))
        }
        for entry in b.entries {
            guard let position = entry.element.modifiedPettifor else { throw .notOnScale(entry.element.symbol) }
            points.append((position, -entry.amount / totalB))
        }
        points.sort { $0.position < $1.position }
        var distance = 0.0
        var cumulative = 0.0
        var previous = points.first?.position ?? 0
        for point in points {
            distance += abs(cumulative) * Double(point.position - previous)
            cumulative += point.weight
            previous = point.position
        }
        return distance
    }
}
