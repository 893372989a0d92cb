/// What a flag is about: a released reaction (keyed by reaction id) or a stored property
/// observation (keyed by observation id).
public enum FlagKind: String, Sendable, Codable, CaseIterable {
    case reaction
    case property
}

/// Where a flag stands in review.
public enum FlagStatus: String, Sendable, Codable, CaseIterable {
    /// Raised, not yet decided.
    case open
    /// A person agreed the record is wrong; the subject is excluded from later releases.
    case accepted
    /// A person decided the record is right; the same kind of flag is not raised on it again.
    case rejected
}

/// What produced a flag: the model directory as given, its content hash, and the sha256 of the
/// predictions file the flag was computed from (empty when the model ran in-process).
public struct FlagProducer: Sendable, Equatable, Codable {
    public var modelPath: String
    public var modelSHA256: String
    public var inputSHA256: String

    public init(modelPath: String, modelSHA256: String, inputSHA256: String) {
        self.modelPath = modelPath
        self.modelSHA256 = modelSHA256
        self.inputSHA256 = inputSHA256
    }

    /// The key that makes re-running the same producer idempotent: the model hash when known,
    /// else the predictions file hash.
    public var key: String { modelSHA256.isEmpty ? "input:" + inputSHA256 : "model:" + modelSHA256 }
}

/// A flag about to be recorded. JSON fields are written as given (callers encode them).
public struct FlagDraft: Sendable, Equatable {
    public var kind: FlagKind
    public var subjectKey: String
    /// What a person recognises the subject by (a formula).
    public var subjectLabel: String
    /// JSON object: DOI, split, source and locator, as known.
    public var provenanceJSON: String
    public var score: Double
    /// JSON: a number (property) or an object of element fractions (reaction).
    public var observedJSON: String
    public var predictedJSON: String
    public var uncertainty: Double
    /// JSON: the neighbours and anything else that supports the flag.
    public var evidenceJSON: String

    public init(kind: FlagKind, subjectKey: String, subjectLabel: String, provenanceJSON: String, score: Double,
                observedJSON: String, predictedJSON: String, uncertainty: Double, evidenceJSON: String) {
        self.kind = kind
        self.subjectKey = subjectKey
        self.subjectLabel = subjectLabel
        self.provenanceJSON = provenanceJSON
        self.score = score
        self.observedJSON = observedJSON
        self.predictedJSON = predictedJSON
        self.uncertainty = uncertainty
        self.evidenceJSON = evidenceJSON
    }
}

/// A stored flag.
public struct FlagRecord: Sendable, Equatable, Codable {
    public var id: Int
    public var kind: FlagKind
    public var producer: FlagProducer
    public var subjectKey: String
    public var subjectLabel: String
    public var provenanceJSON: String
    public var score: Double
    public var observedJSON: String
    public var predictedJSON: String
    public var uncertainty: Double
    public var evidenceJSON: String
    public var status: FlagStatus
    public var decisionNote: String?
}

/// What ``CurateStore/recordFlags(_:producer:)`` did with each draft.
public struct FlagRecordingOutcome: Sendable, Equatable, Codable {
    /// New open flags.
    public var inserted: Int = 0
    /// Open flags of the same producer and subject whose score and evidence were refreshed.
    public var refreshed: Int = 0
    /// Drafts whose flag by this producer was already decided (the decision is kept).
    public var alreadyDecided: Int = 0
    /// Drafts on a subject a person already rejected for this kind of flag (not raised again).
    public var suppressedByRejection: Int = 0
    /// The flag id of each draft, in draft order (inserted, refreshed or decided); nil for a
    /// suppressed draft.
    public var flagIds: [Int?] = []

    public init() {}
}

/// A subject excluded because a person accepted a flag on it.
public struct ReviewExclusion: Sendable, Equatable, Codable {
    public var flagId: Int
    public var kind: FlagKind
    public var subjectKey: String
    /// Always `flag_accepted`.
    public var reason: String
    public var note: String

    public init(flagId: Int, kind: FlagKind, subjectKey: String, reason: String, note: String) {
        self.flagId = flagId
        self.kind = kind
        self.subjectKey = subjectKey
        self.reason = reason
        self.note = note
    }
}
