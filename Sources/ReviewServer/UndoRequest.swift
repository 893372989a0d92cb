/// An undo posted from a decided flag's page: who takes the decision back, why, and which
/// decision (the history entry the page showed as the newest), so that an undo never takes back
/// a decision its reviewer did not see. Stored through
/// ``Store/CurateStore/undoFlagDecision(id:note:reviewer:expectedDecision:)``, the same call as `curate flags undo`.
struct UndoRequest: Sendable, Equatable {
    var reviewer: String
    var note: String
    /// The history entry to take back.
    var decision: Int

    /// The undo in `fields`; throws ``ReviewHTTPError/badRequest(_:)`` naming the bad field.
    init(_ fields: FormFields) throws {
        guard let text = fields["decision_id"], let decision = Int(text), decision >= 1 else {
            throw ReviewHTTPError.badRequest("decision_id must be the id of the decision to undo, got \"\(fields["decision_id"] ?? "")\"")
        }
        self.reviewer = try DecisionRequest.reviewer(fields)
        self.note = try DecisionRequest.note(fields)
        self.decision = decision
    }
}
