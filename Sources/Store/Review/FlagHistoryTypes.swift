/// What one entry of a flag's decision history did.
public enum FlagDecisionAction: String, Sendable, Codable, CaseIterable {
    /// The flag was accepted (the record is wrong).
    case accepted
    /// The flag was rejected (the record is right).
    case rejected
    /// A decision was taken back: the flag went back to `open`.
    case undone
}

/// One entry of a flag's decision history (table `flag_decisions`): nothing in it is ever
/// rewritten or removed, so an undo keeps the decision it took back.
public struct FlagDecisionEvent: Sendable, Equatable, Codable {
    /// Increases with every decision in the store; the newest entry of a flag identifies the
    /// decision an undo takes back (see ``CurateStore/undoFlagDecision(id:note:reviewer:expectedDecision:)``).
    public var id: Int
    public var flagId: Int
    public var action: FlagDecisionAction
    /// Who took it, when known.
    public var reviewer: String?
    public var note: String
    /// The store's timestamp text (ISO 8601, UTC).
    public var decidedAt: String
    /// For an undo: the status the flag had before.
    public var undoneStatus: FlagStatus?
    /// For an undo: the note of the decision taken back.
    public var undoneNote: String?

    public init(id: Int, flagId: Int, action: FlagDecisionAction, reviewer: String?, note: String, decidedAt: String,
                undoneStatus: FlagStatus? = nil, undoneNote: String? = nil) {
        self.id = id
        self.flagId = flagId
        self.action = action
        self.reviewer = reviewer
        self.note = note
        self.decidedAt = decidedAt
        self.undoneStatus = undoneStatus
        self.undoneNote = undoneNote
    }
}

/// An undo that cannot be applied because the flag is not in the state the caller saw: it is
/// open (someone undid it already) or its newest decision is not the one the caller meant to
/// take back (someone undid and decided it again). Nothing was changed.
public struct FlagDecisionConflict: Error, Equatable, Sendable, CustomStringConvertible {
    public var flagId: Int
    /// The flag's status now.
    public var status: FlagStatus
    /// The newest history entry of the flag now, if any.
    public var latestDecision: Int?
    /// The history entry the caller meant to take back, if it named one.
    public var expectedDecision: Int?

    public init(flagId: Int, status: FlagStatus, latestDecision: Int?, expectedDecision: Int?) {
        self.flagId = flagId
        self.status = status
        self.latestDecision = latestDecision
        self.expectedDecision = expectedDecision
    }

    public var description: String {
        if status == .open { return "flag \(flagId) is open: there is no decision to undo" }
        return "flag \(flagId) was decided again (\(status.rawValue), decision \(latestDecision.map(String.init) ?? "?")) "
            + "after decision \(expectedDecision.map(String.init) ?? "?") was read; reload it and undo again if you still mean to"
    }
}
