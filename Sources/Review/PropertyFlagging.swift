import Chemistry
import Models
import Store

/// Flags stored property observations (OQMD, Materials Project, SuperCon, …) whose value
/// disagrees with a Roost ensemble's prediction by many standard deviations of its total
/// uncertainty:
///
///     z = |observed − mean| / total_std
///
/// (one-sided for a censored label: `ObservedBound`). Observations with z above the threshold are flagged, highest z first. Their evidence is the
/// K most similar other observations of the same property by cosine similarity of element-
/// fraction vectors (same composition first: another measurement of the same material that
/// agrees with the model is the strongest evidence), with their values and predictions.
public enum PropertyFlagging {
    /// Options of a flagging run.
    public struct Options: Sendable, Equatable {
        /// Flag observations with z above this.
        public var threshold: Double
        /// Neighbours kept as evidence.
        public var neighbours: Int
        /// At most this many flags (highest z first).
        public var top: Int

        public init(threshold: Double = 4, neighbours: Int = 5, top: Int = 500) {
            self.threshold = threshold
            self.neighbours = neighbours
            self.top = top
        }
    }

    /// One neighbour of a flagged observation.
    public struct Neighbour: Sendable, Equatable, Codable {
        public var observationId: Int
        public var formula: String
        public var source: String
        public var locator: String
        public var similarity: Double
        public var observed: Double
        public var predicted: Double
    }

    /// One flagged observation.
    public struct Candidate: Sendable, Equatable {
        public var input: CurationInput
        public var observed: Double
        public var prediction: EnsemblePrediction
        public var z: Double
        public var neighbours: [Neighbour]
    }

    /// The observations `predict` can score: a finite measured value (`exact`) or a censored
    /// label (`upper_bound`, `lower_bound`, `not_superconducting`; see `ObservedBound`), and a
    /// readable composition; others are skipped.
    public static func scorable(_ inputs: [CurationInput]) -> [(input: CurationInput, composition: Composition)] {
        inputs.compactMap { input in
            guard ObservedBound(input) != nil, let composition = try? Composition(formula: input.canonicalKey) else { return nil }
            return (input, composition)
        }
    }

    /// Element fractions as (atomic number, fraction), the input the Roost ensemble takes.
    public static func elementFractions(_ composition: Composition) -> [(z: Int, amount: Double)] {
        let total = composition.totalAmount
        return composition.entries.map { (z: Int($0.z), amount: $0.amount / total) }
    }

    /// Flags from observations and their predictions (same order and count).
    public static func candidates(_ items: [(input: CurationInput, composition: Composition)], predictions: [EnsemblePrediction],
                                  options: Options = Options()) throws(ReviewError) -> [Candidate] {
        guard items.count == predictions.count else {
            throw .invalidArgument(name: "predictions", reason: "\(predictions.count) predictions for \(items.count) observations")
        }
        guard options.threshold >= 0, options.neighbours >= 0, options.top >= 0 else {
            throw .invalidArgument(name: "options", reason: "threshold, neighbours and top must be ≥ 0")
        }
        var flagged: [(position: Int, z: Double)] = []
        for (position, prediction) in predictions.enumerated() {
            guard let bound = ObservedBound(items[position].input) else { continue }
            let z = bound.z(mean: prediction.mean, spread: prediction.totalStandardDeviation)
            if z > options.threshold { flagged.append((position, z)) }
        }
        flagged.sort { ($0.z, items[$1.position].input.observationId) > ($1.z, items[$0.position].input.observationId) }
        flagged = Array(flagged.prefix(options.top))
        let vectors = items.map { vector($0.composition) }
        let index = try CosineIndex(keys: items.map { String($0.input.observationId) }, vectors: vectors)
        let neighbourLists = try index.nearest(flagged.map { vectors[$0.position] }, k: options.neighbours) { q, r in
            r == flagged[q].position
        }
        return flagged.enumerated().map { q, entry in
            let item = items[entry.position]
            let neighbours = neighbourLists[q].compactMap { found -> Neighbour? in
                let other = items[found.index].input
                guard let value = ObservedBound(other)?.value ?? other.value else { return nil }
                return Neighbour(observationId: other.observationId, formula: other.reducedFormula, source: other.sourceName,
                                 locator: other.locator, similarity: Double(found.similarity), observed: value,
                                 predicted: predictions[found.index].mean)
            }
            return Candidate(input: item.input, observed: ObservedBound(item.input)?.value ?? item.input.value ?? 0,
                             prediction: predictions[entry.position], z: entry.z, neighbours: neighbours)
        }
    }

    /// The flag draft of one candidate (score = z; a non-finite z is stored as the largest finite double).
    public static func draft(_ candidate: Candidate, property: String) throws(ReviewError) -> FlagDraft {
        let input = candidate.input
        let provenance = try ReviewJSON.encode(PropertyProvenance(source: input.sourceName, sourceKind: input.sourceKind,
                                                                  locator: input.locator, formulaAsWritten: input.formulaAsWritten,
                                                                  property: property, unit: input.unit, metadata: input.metadataJSON))
        let evidence = try ReviewJSON.encode(PropertyEvidence(
            formula: ObservedBound(input)?.formula ?? ObservedBound.measured(candidate.observed).formula, z: candidate.z.isFinite ? candidate.z : .greatestFiniteMagnitude,
            epistemicStd: candidate.prediction.epistemicStandardDeviation,
            aleatoricStd: candidate.prediction.aleatoricStandardDeviation, neighbours: candidate.neighbours))
        return FlagDraft(kind: .property, subjectKey: String(input.observationId), subjectLabel: input.reducedFormula,
                         provenanceJSON: provenance, score: candidate.z.isFinite ? candidate.z : .greatestFiniteMagnitude,
                         observedJSON: try ReviewJSON.encode(candidate.observed),
                         predictedJSON: try ReviewJSON.encode(candidate.prediction.mean),
                         uncertainty: candidate.prediction.totalStandardDeviation, evidenceJSON: evidence)
    }

    /// A 118-long element-fraction vector.
    static func vector(_ composition: Composition) -> [Float] {
        var vector = [Float](repeating: 0, count: 118)
        let total = composition.totalAmount
        for entry in composition.entries where entry.z >= 1 && entry.z <= 118 {
            vector[Int(entry.z) - 1] = Float(entry.amount / total)
        }
        return vector
    }
}

/// Where an observation comes from, as stored with its flag.
public struct PropertyProvenance: Sendable, Equatable, Codable {
    public var source: String
    public var sourceKind: String
    public var locator: String
    public var formulaAsWritten: String
    public var property: String
    public var unit: String?
    /// The observation's source metadata (JSON text), e.g. the entry id.
    public var metadata: String?
}

/// Why an observation was flagged, as stored with the flag.
public struct PropertyEvidence: Sendable, Equatable, Codable {
    public var formula: String
    public var z: Double
    public var epistemicStd: Double
    public var aleatoricStd: Double
    public var neighbours: [PropertyFlagging.Neighbour]
}
