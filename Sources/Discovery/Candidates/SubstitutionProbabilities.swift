import Chemistry

/// Element-substitution probabilities mined from ordered structures that share a prototype
/// (SCIENCE.md §5, candidate generation).
///
/// Counting: structures are grouped by `SiteAssignment.prototypeKey`. For every pair in a
/// group, the element map that turns one assignment into the other is found (over the
/// equivalent letterings; when several maps work, the one with the fewest changed elements,
/// then the smallest summed difference of modified Pettifor numbers, then the smallest text);
/// every changed element A → B adds one to both count(A, B) and count(B, A), so the counts are
/// symmetric. Normalisation: each row is divided by its sum, so
/// `probability(A, B)` = count(A, B) / Σ_C count(A, C) is the probability that a substitution
/// of A (seen in the data) puts B in its place; each row with any count sums to 1. The matrix
/// of probabilities is therefore not symmetric, while the counts are.
public struct SubstitutionProbabilities: Sendable {
    /// Symmetric pair counts: `counts[A][B]`.
    public let counts: [String: [String: Int]]
    /// Number of structure pairs that contributed at least one substitution.
    public let pairCount: Int
    /// Number of prototypes with at least two structures.
    public let sharedPrototypeCount: Int

    /// Mines `assignments` (one per ordered structure; duplicates of the same label count once).
    public init(assignments: [SiteAssignment]) {
        var seen = Set<String>()
        var groups: [String: [(String, [[String: String]])]] = [:]
        for assignment in assignments {
            let label = assignment.label
            guard seen.insert(label).inserted else { continue }
            let described = assignment.prototypeDescriptions
            groups[described.key, default: []].append((label, described.assignments))
        }
        var counts: [String: [String: Int]] = [:]
        var pairs = 0
        var shared = 0
        for key in groups.keys.sorted() {
            guard let members = groups[key], members.count > 1 else { continue }
            shared += 1
            for i in 0..<members.count {
                for j in (i + 1)..<members.count {
                    guard let map = Self.bestMap(from: members[i].1, to: members[j].1) else { continue }
                    let changes = map.filter { $0.key != $0.value }
                    if changes.isEmpty { continue }
                    pairs += 1
                    for (a, b) in changes {
                        counts[a, default: [:]][b, default: 0] += 1
                        counts[b, default: [:]][a, default: 0] += 1
                    }
                }
            }
        }
        self.counts = counts
        pairCount = pairs
        sharedPrototypeCount = shared
    }

    /// count(A, B) / Σ_C count(A, C); 0 when A was never substituted.
    public func probability(_ a: String, _ b: String) -> Double {
        guard let row = counts[a] else { return 0 }
        let total = row.values.reduce(0, +)
        return total == 0 ? 0 : Double(row[b] ?? 0) / Double(total)
    }

    /// The replacements of `a` with their probabilities, most probable first (ties by symbol).
    public func replacements(of a: String) -> [(element: String, probability: Double)] {
        guard let row = counts[a] else { return [] }
        return row.keys.map { ($0, probability(a, $0)) }.sorted {
            $0.probability != $1.probability ? $0.probability > $1.probability : $0.element < $1.element
        }
    }

    /// The element map from one structure's descriptions to another's (part text must match);
    /// nil when no lettering pairs every element.
    static func bestMap(from source: [[String: String]], to target: [[String: String]]) -> [String: String]? {
        guard let fixed = source.first else { return nil }
        var best: (changes: Int, distance: Int, text: String, map: [String: String])?
        for candidate in target {
            var byPart: [String: [String]] = [:]
            for (element, part) in candidate { byPart[part, default: []].append(element) }
            for key in byPart.keys { byPart[key]?.sort() }
            var map: [String: String] = [:]
            var ok = true
            for element in fixed.keys.sorted() {
                guard let part = fixed[element], var pool = byPart[part], !pool.isEmpty else { ok = false; break }
                let choice = pool.firstIndex(of: element) ?? 0
                map[element] = pool.remove(at: choice)
                byPart[part] = pool
            }
            guard ok, map.count == candidate.count else { continue }
            let changes = map.filter { $0.key != $0.value }
            let distance = changes.reduce(0) { $0 + pettiforDistance($1.key, $1.value) }
            let text = map.keys.sorted().map { "\($0)>\(map[$0] ?? "")" }.joined(separator: ",")
            let score = (changes.count, distance, text, map)
            if let current = best, (current.changes, current.distance, current.text) <= (score.0, score.1, score.2) { continue }
            best = score
        }
        return best?.map
    }

    private static func pettiforDistance(_ a: String, _ b: String) -> Int {
        let ea = PeriodicTable.element(symbol: a), eb = PeriodicTable.element(symbol: b)
        let pa = ea?.modifiedPettifor ?? (ea?.z ?? 0), pb = eb?.modifiedPettifor ?? (eb?.z ?? 0)
        return abs(pa - pb)
    }
}
