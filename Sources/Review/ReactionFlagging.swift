import Store

/// Turns scored reactions into stored flags and stored embeddings: the library entry point
/// behind `curate flag reactions`, fed by a predictions file or by a model run in-process.
public enum ReactionFlagging {
    /// Options of a flagging run.
    public struct Options: Sendable, Equatable {
        /// How many of the highest-scoring reactions become flags.
        public var top: Int
        public var scoring: ReactionFlagScoring.Options

        public init(top: Int = 50, scoring: ReactionFlagScoring.Options = .init()) {
            self.top = top
            self.scoring = scoring
        }
    }

    /// What a run did.
    public struct Summary: Sendable, Equatable, Codable {
        /// Reactions with an observed target (the scored set).
        public var scored: Int
        /// Reactions that served as neighbours.
        public var references: Int
        /// The embedding model id the vectors were stored under.
        public var embeddingModel: String
        public var embeddingsStored: Int
        public var recording: FlagRecordingOutcome
        /// The flags raised, highest score first.
        public var flags: [FlagLine]
    }

    /// One raised flag, as listed.
    public struct FlagLine: Sendable, Equatable, Codable {
        public var flagId: Int?
        public var reactionId: String
        public var composition: String
        public var doi: String
        public var score: Double
        public var error: Double
        public var uncertainty: Double
        public var meanNeighbourSimilarity: Double
    }

    /// The embedding model id of a producer (`reaction:` and the first 16 hex digits of its key).
    public static func embeddingModelId(_ producer: FlagProducer) -> String {
        let key = producer.key
        let hex = key.split(separator: ":").last.map(String.init) ?? key
        return "reaction:" + String(hex.prefix(16))
    }

    /// Scores `records`, stores every embedding and the top `options.top` as flags, in `store`.
    public static func run(_ records: [ReactionPredictionRecord], producer: FlagProducer, store: CurateStore,
                           options: Options = Options()) throws -> Summary {
        guard options.top >= 0 else { throw ReviewError.invalidArgument(name: "top", reason: "must be ≥ 0") }
        let candidates = try ReactionFlagScoring.score(records, options: options.scoring)
        let chosen = Array(candidates.prefix(options.top))
        let drafts = try chosen.map(draft)
        let modelId = embeddingModelId(producer)
        try store.storeEmbeddings(try records.map(embedding), modelId: modelId)
        let outcome = try store.recordFlags(drafts, producer: producer)
        let lines = zip(chosen, outcome.flagIds).map { candidate, flagId in
            FlagLine(flagId: flagId, reactionId: candidate.record.id, composition: candidate.record.composition,
                     doi: candidate.record.doi, score: candidate.score, error: candidate.error,
                     uncertainty: candidate.record.uncertainty, meanNeighbourSimilarity: candidate.meanNeighbourSimilarity)
        }
        let references = Set(records.filter { $0.split == options.scoring.referenceSplit && $0.error != nil }.map(\.id)).count
        return Summary(scored: candidates.count, references: references == 0 ? candidates.count : references,
                       embeddingModel: modelId, embeddingsStored: records.count, recording: outcome, flags: lines)
    }

    /// The flag draft of one scored reaction.
    public static func draft(_ candidate: ReactionFlagScoring.Candidate) throws(ReviewError) -> FlagDraft {
        let record = candidate.record
        let provenance = try ReviewJSON.encode(ReactionProvenance(doi: record.doi, split: record.split, precursors: record.precursors,
                                                                  actions: record.actions))
        let evidence = try ReviewJSON.encode(ReactionEvidence(
            formula: "score = s·L1/(u + median u)", errorPercentile: candidate.errorPercentile,
            uncertaintyPercentile: candidate.uncertaintyPercentile, meanNeighbourSimilarity: candidate.meanNeighbourSimilarity,
            error: candidate.error, neighbourDisagreement: candidate.neighbourDisagreement, neighbours: candidate.neighbours))
        return FlagDraft(kind: .reaction, subjectKey: record.id, subjectLabel: record.composition, provenanceJSON: provenance,
                         score: candidate.score, observedJSON: try ReviewJSON.encode(record.observed ?? [:]),
                         predictedJSON: try ReviewJSON.encode(record.predicted), uncertainty: record.uncertainty,
                         evidenceJSON: evidence)
    }

    /// The embedding draft of one reaction.
    public static func embedding(_ record: ReactionPredictionRecord) throws(ReviewError) -> EmbeddingDraft {
        EmbeddingDraft(subjectKey: record.id, label: record.composition,
                       metadataJSON: try ReviewJSON.encode(ReactionProvenance(doi: record.doi, split: record.split,
                                                                              precursors: record.precursors, actions: record.actions,
                                                                              observed: record.observed)),
                       vector: record.embedding)
    }
}

/// Where a reaction comes from, as stored with its flag and embedding.
public struct ReactionProvenance: Sendable, Equatable, Codable {
    public var doi: String
    public var split: String
    public var precursors: [String]
    public var actions: [String]
    public var observed: [String: Double]?
}

/// Why a reaction was flagged, as stored with the flag.
public struct ReactionEvidence: Sendable, Equatable, Codable {
    public var formula: String
    public var errorPercentile: Double
    public var uncertaintyPercentile: Double
    public var meanNeighbourSimilarity: Double
    public var error: Double
    public var neighbourDisagreement: Double?
    public var neighbours: [ReactionFlagScoring.Neighbour]
}
