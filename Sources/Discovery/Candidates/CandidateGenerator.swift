import Chemistry

/// Substitution-based candidate generation (SCIENCE.md §5): mine substitution probabilities
/// from the known structures, apply them to the near-hull ones, and keep new compositions only.
public struct CandidateGenerator: Sendable {
    /// Parents must lie at most this far above the hull (eV/atom); structures with no known
    /// distance are used only when this is nil.
    public var maxEnergyAboveHull: Double?
    /// Substitutions below this probability are not applied.
    public var minimumProbability: Double
    /// Number of candidates to return (most probable first).
    public var top: Int
    /// At most this many replacements (the most probable) are tried for each parent element.
    public var replacementsPerElement: Int

    /// Creates a generator.
    public init(maxEnergyAboveHull: Double? = 0.05, minimumProbability: Double = 0, top: Int = 100, replacementsPerElement: Int = 5) {
        self.maxEnergyAboveHull = maxEnergyAboveHull
        self.minimumProbability = minimumProbability
        self.top = top
        self.replacementsPerElement = replacementsPerElement
    }

    /// What a run produced and what it left out.
    public struct Result: Sendable {
        /// The candidates, most probable first (at most `top`).
        public let candidates: [Candidate]
        /// The mined probabilities.
        public let substitutions: SubstitutionProbabilities
        /// Number of parents used.
        public let parentCount: Int
        /// Distinct new labels before the composition filter.
        public let generatedCount: Int
        /// Labels dropped because their composition is already known.
        public let knownCompositionCount: Int
        /// Distinct candidates after dedup and the composition filter (before `top`).
        public let novelCount: Int
    }

    /// Generates candidates from `known`. Ranking: probability (descending), then the parent's
    /// energy above the hull (ascending), then label, then parent id; one label made from
    /// several parents keeps its best-ranked origin.
    public func generate(from known: [KnownStructure]) -> Result {
        let substitutions = SubstitutionProbabilities(assignments: known.map(\.assignment))
        let knownKeys = Set(known.map { $0.composition.canonicalKey() })
        let parents = known.filter { structure in
            guard let limit = maxEnergyAboveHull else { return true }
            guard let distance = structure.energyAboveHull else { return false }
            return distance <= limit
        }.sorted { $0.id < $1.id }
        var best: [String: Origin] = [:]
        var compositions: [String: String] = [:]
        for parent in parents {
            for element in parent.assignment.elements {
                for (replacement, probability) in substitutions.replacements(of: element).prefix(max(0, replacementsPerElement))
                where probability > minimumProbability {
                    guard let changed = parent.assignment.substituting(element, with: replacement) else { continue }
                    let label = changed.label
                    let origin = Origin(parent: parent, replaced: element, replacement: replacement, probability: probability)
                    if let current = best[label], !Self.precedes(origin, current) { continue }
                    best[label] = origin
                    if compositions[label] == nil {
                        compositions[label] = ProtostructureValidity.composition(label: label)?.canonicalKey() ?? ""
                    }
                }
            }
        }
        let novel = best.filter { !knownKeys.contains(compositions[$0.key] ?? "") }
        let ranked = novel.sorted { a, b in
            if a.value.probability != b.value.probability { return a.value.probability > b.value.probability }
            let ea = a.value.parent.energyAboveHull ?? .infinity, eb = b.value.parent.energyAboveHull ?? .infinity
            if ea != eb { return ea < eb }
            return a.key < b.key
        }
        var candidates: [Candidate] = []
        for (index, entry) in ranked.prefix(max(0, top)).enumerated() {
            let composition = ProtostructureValidity.composition(label: entry.key)
            // Validity by a second route: the parent's composition with A renamed B must be what
            // the candidate's multiplicities give.
            let expected = Self.substituted(entry.value.parent.composition, entry.value.replaced, entry.value.replacement)
            let valid = expected.map { ProtostructureValidity.problem(label: entry.key, composition: $0) == nil } ?? false
            candidates.append(Candidate(
                id: "cand-\(index + 1)", protostructure: entry.key, composition: composition?.reducedFormula ?? "",
                parent: entry.value.parent.id, parentProtostructure: entry.value.parent.label,
                substitution: "\(entry.value.replaced)->\(entry.value.replacement)", probability: entry.value.probability, valid: valid))
        }
        return Result(candidates: candidates, substitutions: substitutions, parentCount: parents.count,
                      generatedCount: best.count, knownCompositionCount: best.count - novel.count, novelCount: novel.count)
    }

    /// Where a candidate label came from.
    struct Origin {
        let parent: KnownStructure
        let replaced: String
        let replacement: String
        let probability: Double
    }

    /// `composition` with element `old` renamed `new`.
    static func substituted(_ composition: Composition, _ old: String, _ new: String) -> Composition? {
        var amounts = composition.amounts
        guard let amount = amounts.removeValue(forKey: old), amounts[new] == nil else { return nil }
        amounts[new] = amount
        return try? Composition(symbolAmounts: amounts)
    }

    /// Whether origin `a` ranks before `b` for the same label.
    static func precedes(_ a: Origin, _ b: Origin) -> Bool {
        if a.probability != b.probability { return a.probability > b.probability }
        let ea = a.parent.energyAboveHull ?? .infinity, eb = b.parent.energyAboveHull ?? .infinity
        if ea != eb { return ea < eb }
        return a.parent.id < b.parent.id
    }
}
