import Store
import XCTest

/// The flags and embeddings tables: idempotent recording, decisions, exclusions, vectors.
final class FlagStoreTests: XCTestCase {
    private func draft(_ subject: String, score: Double, kind: FlagKind = .reaction) -> FlagDraft {
        FlagDraft(kind: kind, subjectKey: subject, subjectLabel: "LiCoO2", provenanceJSON: "{\"doi\":\"10.1/x\"}", score: score,
                  observedJSON: "{\"Li\":1}", predictedJSON: "{\"Li\":0.25}", uncertainty: 0.01, evidenceJSON: "{\"neighbours\":[]}")
    }

    private let modelA = FlagProducer(modelPath: "models/a", modelSHA256: "aaaa", inputSHA256: "p1")
    private let modelB = FlagProducer(modelPath: "models/b", modelSHA256: "bbbb", inputSHA256: "p2")

    func testRerunningTheSameProducerIsIdempotentAndKeepsDecisions() throws {
        let store = try CurateStore.inMemory()
        let first = try store.recordFlags([draft("r1", score: 3), draft("r2", score: 2), draft("r3", score: 1)], producer: modelA)
        XCTAssertEqual(first.inserted, 3)
        XCTAssertEqual(try store.flags().map(\.subjectKey), ["r1", "r2", "r3"])

        let ids = first.flagIds.compactMap { $0 }
        try store.decideFlag(id: ids[0], status: .accepted, note: "mis-parsed target, checked the paper")
        try store.decideFlag(id: ids[1], status: .rejected, note: "the paper reports this phase")

        // Same producer again, new scores: open flags refresh, decided ones keep their decision.
        let second = try store.recordFlags([draft("r1", score: 9), draft("r2", score: 8), draft("r3", score: 7)], producer: modelA)
        XCTAssertEqual(second.inserted, 0)
        XCTAssertEqual(second.refreshed, 1)
        XCTAssertEqual(second.suppressedByRejection, 1)
        XCTAssertEqual(second.alreadyDecided, 1)
        XCTAssertEqual(second.flagIds, [ids[0], nil, ids[2]])
        let all = try store.flags()
        XCTAssertEqual(all.count, 3)
        XCTAssertEqual(try store.flag(id: ids[2])?.score, 7)
        XCTAssertEqual(try store.flag(id: ids[0])?.score, 3, "a decided flag is not rewritten")
        XCTAssertEqual(try store.flag(id: ids[0])?.status, .accepted)
        XCTAssertEqual(try store.flag(id: ids[1])?.decisionNote, "the paper reports this phase")

        // A different model: the rejected subject is not raised again; the accepted one is (a new model may
        // disagree for its own reasons), and r3 gets a second open flag from model B.
        let third = try store.recordFlags([draft("r1", score: 5), draft("r2", score: 5), draft("r3", score: 5)], producer: modelB)
        XCTAssertEqual(third.inserted, 2)
        XCTAssertEqual(third.suppressedByRejection, 1)
        XCTAssertEqual(try store.flags(status: .open).map(\.subjectKey).sorted(), ["r1", "r3", "r3"])
        XCTAssertEqual(try store.flags(status: .open, kind: .property), [])
        // A rejection of a reaction flag does not suppress a property flag with the same key.
        XCTAssertEqual(try store.recordFlags([draft("r2", score: 1, kind: .property)], producer: modelA).inserted, 1)
    }

    func testAcceptingWritesTheExclusionAndDecisionsAreFinal() throws {
        let store = try CurateStore.inMemory()
        let ids = try store.recordFlags([draft("r1", score: 2), draft("17", score: 6, kind: .property)], producer: modelA).flagIds.compactMap { $0 }
        XCTAssertEqual(try store.reviewExclusions(), [])
        let decided = try store.decideFlag(id: ids[1], status: .accepted, note: "unit error")
        XCTAssertEqual(decided.status, .accepted)
        XCTAssertEqual(try store.reviewExclusions(), [ReviewExclusion(flagId: ids[1], kind: .property, subjectKey: "17", reason: "flag_accepted", note: "unit error")])
        XCTAssertEqual(try store.reviewExclusions(kind: .reaction), [])
        XCTAssertThrowsError(try store.decideFlag(id: ids[1], status: .rejected, note: "changed my mind")) {
            XCTAssertEqual($0 as? StoreError, .invalidArgument(name: "flag", reason: "flag \(ids[1]) is already accepted"))
        }
        XCTAssertThrowsError(try store.decideFlag(id: 999, status: .accepted, note: "x")) {
            XCTAssertEqual($0 as? StoreError, .invalidArgument(name: "flag", reason: "no flag with id 999"))
        }
        XCTAssertThrowsError(try store.decideFlag(id: ids[0], status: .open, note: "x"))
        XCTAssertEqual(try store.flag(id: ids[0])?.status, .open)
        XCTAssertThrowsError(try store.recordFlags([draft("r9", score: .nan)], producer: modelA))
    }

    func testEmbeddingsRoundTripBitExactAndReplaceOnConflict() throws {
        let store = try CurateStore.inMemory()
        let vectors: [[Float]] = [[1, -0.5, 3.25e-7], [0, .leastNonzeroMagnitude, -.greatestFiniteMagnitude]]
        try store.storeEmbeddings([EmbeddingDraft(subjectKey: "b", label: "B", metadataJSON: "{}", vector: vectors[1]),
                                   EmbeddingDraft(subjectKey: "a", label: "A", metadataJSON: "{}", vector: vectors[0])], modelId: "m1")
        let stored = try store.embeddings(modelId: "m1")
        XCTAssertEqual(stored.map(\.subjectKey), ["a", "b"])
        XCTAssertEqual(stored.map(\.vector), vectors)
        try store.storeEmbeddings([EmbeddingDraft(subjectKey: "a", label: "A2", metadataJSON: "{\"x\":1}", vector: [2, 2, 2])], modelId: "m1")
        XCTAssertEqual(try store.embeddings(modelId: "m1").first?.vector, [2, 2, 2])
        XCTAssertEqual(try store.embeddingModels(), [EmbeddingModelSummary(modelId: "m1", count: 2, dimension: 3)])
        XCTAssertEqual(try store.embeddingModels(containing: "a"), ["m1"])
        XCTAssertThrowsError(try store.storeEmbeddings([EmbeddingDraft(subjectKey: "c", label: "", metadataJSON: "{}", vector: [1, .nan])], modelId: "m1"))
        XCTAssertThrowsError(try store.storeEmbeddings([EmbeddingDraft(subjectKey: "c", label: "", metadataJSON: "{}", vector: [1]),
                                                        EmbeddingDraft(subjectKey: "d", label: "", metadataJSON: "{}", vector: [1, 2])], modelId: "m1"))
    }
}
