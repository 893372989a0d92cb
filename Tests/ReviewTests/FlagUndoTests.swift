import Store
import XCTest

/// Undoing a decision: the flag is open again, the exclusion is lifted, and the history keeps
/// every decision and undo with who, when and why.
final class FlagUndoTests: XCTestCase {
    private let producer = FlagProducer(modelPath: "models/a", modelSHA256: "aaaa", inputSHA256: "p1")

    private func store(flags count: Int) throws -> (CurateStore, [Int]) {
        let store = try CurateStore.inMemory()
        let drafts = (1...count).map { index in
            FlagDraft(kind: .reaction, subjectKey: "r\(index)", subjectLabel: "LiCoO2", provenanceJSON: "{}", score: Double(index),
                      observedJSON: "{\"Li\":1}", predictedJSON: "{\"Li\":0.5}", uncertainty: 0.1, evidenceJSON: "{}")
        }
        return (store, try store.recordFlags(drafts, producer: producer).flagIds.compactMap { $0 })
    }

    func testUndoReopensTheFlagLiftsTheExclusionAndKeepsTheHistory() throws {
        let (store, ids) = try store(flags: 2)
        try store.decideFlag(id: ids[0], status: .accepted, note: "Ada: wrong target", reviewer: "Ada")
        XCTAssertEqual(try store.reviewExclusions().map(\.subjectKey), ["r1"])
        let decision = try XCTUnwrap(try store.flagHistory(id: ids[0]).last)
        XCTAssertEqual(decision.action, .accepted)
        XCTAssertEqual(decision.reviewer, "Ada")

        let reopened = try store.undoFlagDecision(id: ids[0], note: "the paper was misread", reviewer: "Bo", expectedDecision: decision.id)
        XCTAssertEqual(reopened.status, .open)
        XCTAssertNil(reopened.decisionNote)
        XCTAssertEqual(try store.flag(id: ids[0])?.status, .open)
        XCTAssertNil(try store.flagDecidedAt(id: ids[0]))
        XCTAssertEqual(try store.reviewExclusions(), [], "an undone acceptance no longer excludes the record")

        let history = try store.flagHistory(id: ids[0])
        XCTAssertEqual(history.map(\.action), [.accepted, .undone])
        XCTAssertEqual(history[1].reviewer, "Bo")
        XCTAssertEqual(history[1].note, "the paper was misread")
        XCTAssertEqual(history[1].undoneStatus, .accepted)
        XCTAssertEqual(history[1].undoneNote, "Ada: wrong target", "the decision taken back is kept")
        XCTAssertGreaterThanOrEqual(history[1].decidedAt, history[0].decidedAt)

        // Open again: it can be decided anew, and the new decision is a third entry.
        try store.decideFlag(id: ids[0], status: .rejected, note: "fine after all", reviewer: "Cy")
        XCTAssertEqual(try store.flagHistory(id: ids[0]).map(\.action), [.accepted, .undone, .rejected])
        XCTAssertEqual(try store.flagHistory(id: ids[1]), [], "an undecided flag has no history")
    }

    func testUndoingAFlagSomeoneElseRedecidedIsAConflictAndChangesNothing() throws {
        let (store, ids) = try store(flags: 1)
        let id = ids[0]
        try store.decideFlag(id: id, status: .accepted, note: "wrong", reviewer: "Ada")
        let seen = try XCTUnwrap(try store.flagHistory(id: id).last?.id)
        // Someone else undoes and decides again while the first page is still open.
        try store.undoFlagDecision(id: id, note: "no", reviewer: "Bo", expectedDecision: seen)
        try store.decideFlag(id: id, status: .accepted, note: "wrong for another reason", reviewer: "Bo")
        let latest = try XCTUnwrap(try store.flagHistory(id: id).last?.id)
        XCTAssertThrowsError(try store.undoFlagDecision(id: id, note: "stale", reviewer: "Ada", expectedDecision: seen)) { error in
            XCTAssertEqual(error as? FlagDecisionConflict,
                           FlagDecisionConflict(flagId: id, status: .accepted, latestDecision: latest, expectedDecision: seen))
        }
        XCTAssertEqual(try store.flag(id: id)?.decisionNote, "wrong for another reason")
        XCTAssertEqual(try store.reviewExclusions().count, 1)
        XCTAssertEqual(try store.flagHistory(id: id).count, 3, "the refused undo left no entry")

        try store.undoFlagDecision(id: id, note: "ok", reviewer: "Ada", expectedDecision: latest)
        XCTAssertThrowsError(try store.undoFlagDecision(id: id, note: "again")) { error in
            XCTAssertEqual((error as? FlagDecisionConflict)?.status, .open, "nothing to undo on an open flag")
        }
        XCTAssertThrowsError(try store.undoFlagDecision(id: 999, note: "x")) {
            XCTAssertEqual($0 as? StoreError, .invalidArgument(name: "flag", reason: "no flag with id 999"))
        }
        XCTAssertThrowsError(try store.undoFlagDecision(id: id, note: "  ")) {
            XCTAssertEqual($0 as? StoreError, .invalidArgument(name: "note", reason: "an undo needs a note saying why"))
        }
    }
}
