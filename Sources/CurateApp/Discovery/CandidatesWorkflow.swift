import Discovery

/// `curate candidates`: new protostructures by element substitution mined from known structures.
public enum CandidatesWorkflow {
    /// The summary line of `curate candidates --json`.
    public struct Summary: Sendable, Equatable, Codable {
        public let known: Int
        public let distanceSource: String
        public let parents: Int
        public let sharedPrototypes: Int
        public let substitutionPairs: Int
        public let generated: Int
        public let droppedKnownComposition: Int
        public let novel: Int
        public let printed: Int
        public let invalid: Int

        enum CodingKeys: String, CodingKey {
            case known, parents, generated, novel, printed, invalid
            case distanceSource = "distance_source"
            case sharedPrototypes = "shared_prototypes"
            case substitutionPairs = "substitution_pairs"
            case droppedKnownComposition = "dropped_known_composition"
        }
    }

    /// The candidates, most probable first, and the summary.
    public struct Result: Sendable {
        public let candidates: [Candidate]
        public let summary: Summary
        /// Set when the input has no distance column, so every structure served as a parent.
        public let note: String?
    }

    /// Generation settings.
    public struct Options: Sendable, Equatable {
        public var top = 100
        /// Parents lie at most this far above the hull (eV/atom).
        public var maxEnergyAboveHull = 0.05
        public var replacementsPerElement = 5
        public var minimumProbability = 0.0
        public init() {}
    }

    /// Generates candidates from the known structures in `from` (CSV id,protostructure[,distance]).
    public static func generate(from: String, options: Options = Options()) throws -> Result {
        let loaded = try step { try KnownStructureTable.load(path: from) }
        let limit: Double? = loaded.distanceSource == "none" ? nil : options.maxEnergyAboveHull
        let generator = CandidateGenerator(maxEnergyAboveHull: limit, minimumProbability: options.minimumProbability, top: options.top,
                                           replacementsPerElement: options.replacementsPerElement)
        let result = generator.generate(from: loaded.structures)
        let summary = Summary(
            known: loaded.structures.count, distanceSource: loaded.distanceSource, parents: result.parentCount,
            sharedPrototypes: result.substitutions.sharedPrototypeCount, substitutionPairs: result.substitutions.pairCount,
            generated: result.generatedCount, droppedKnownComposition: result.knownCompositionCount, novel: result.novelCount,
            printed: result.candidates.count, invalid: result.candidates.filter { !$0.valid }.count)
        let note = limit == nil ? "\(from) has no e_above_hull or formation energy column; every structure is a parent" : nil
        return Result(candidates: result.candidates, summary: summary, note: note)
    }
}
