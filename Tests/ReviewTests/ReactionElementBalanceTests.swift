import Store
import XCTest
@testable import Review

/// Model-free element-balance rules on recorded reactions.
final class ReactionElementBalanceTests: XCTestCase {
    func testElementsOfCanonicalKeysAndFormulas() {
        XCTAssertEqual(ReactionElementBalance.elements(of: "C0.166667Na0.333333O0.5"), ["C", "Na", "O"])
        XCTAssertEqual(ReactionElementBalance.elements(of: "La2Mo3O12"), ["La", "Mo", "O"])
        XCTAssertEqual(ReactionElementBalance.elements(of: "Co"), ["Co"])
        XCTAssertEqual(ReactionElementBalance.elements(of: "CO"), ["C", "O"])
        XCTAssertEqual(ReactionElementBalance.elements(of: ""), [])
    }

    func testBalancedReactionsPassAndEachRuleNamesItsElements() {
        let el = ReactionElementBalance.elements(of:)
        // Na2CO3 + Co3O4 → NaxCoO2: C leaves as CO2, O is supplied; balanced.
        XCTAssertEqual(ReactionElementBalance.check(targetElements: ["Na", "Co", "O"], precursorElements: [el("Na2CO3"), el("Co3O4")]), [])
        // A nitride made under ammonia: N and H need no precursor.
        XCTAssertEqual(ReactionElementBalance.check(targetElements: ["Ga", "N"], precursorElements: [el("Ga2O3")]), [])
        // LaMnO3 recorded as LaCrO3: Cr is supplied by nothing, Mn goes nowhere.
        XCTAssertEqual(ReactionElementBalance.check(targetElements: ["La", "Cr", "O"], precursorElements: [el("La2O3"), el("MnO2")]),
                       [.init(rule: ReactionElementBalance.unsuppliedRule, elements: ["Cr"]),
                        .init(rule: ReactionElementBalance.lostRule, elements: ["Mn"])])
        // Nb-doped SrTiO3 recorded as SrTiO3: the dopant is lost.
        XCTAssertEqual(ReactionElementBalance.check(targetElements: ["Sr", "Ti", "O"], precursorElements: [el("SrCO3"), el("TiO2"), el("Nb2O5")]),
                       [.init(rule: ReactionElementBalance.lostRule, elements: ["Nb"])])
        // A carbide needs its carbon: C is volatile only on the precursor side.
        XCTAssertEqual(ReactionElementBalance.check(targetElements: ["Si", "C"], precursorElements: [el("SiO2")]),
                       [.init(rule: ReactionElementBalance.unsuppliedRule, elements: ["C"])])
    }

    func testAuditReadsAReleaseAndRejectsNonReactionRecords() throws {
        let records = """
            {"id":"a","composition":"LaCrO3","target_elements":["Cr","La","O"],"precursors":["La2O3","MnO2"],"precursor_keys":["La0.4O0.6","Mn0.333333O0.666667"],"split":"test"}
            {"id":"b","composition":"NaCoO2","target_elements":["Co","Na","O"],"precursors":["Na2CO3","Co3O4"],"precursor_keys":["C0.166667Na0.333333O0.5","Co0.428571O0.571429"],"split":"test"}
            {"id":"c","composition":"SrTiO3","target_elements":["O","Sr","Ti"],"precursors":["SrCO3","TiO2","Nb2O5"],"precursor_keys":["C0.2O0.6Sr0.2","O0.666667Ti0.333333","Nb0.285714O0.714286"],"split":"train"}
            """
        let outcome = try ReactionBalanceAudit.audit(records, path: "r.jsonl")
        XCTAssertEqual(outcome.checked, 3)
        XCTAssertEqual(outcome.entries.map(\.id), ["a", "c"])
        let key = [PlantedErrors.Plant(id: "a", corruption: .wrongElement, partner: "", original: "LaMnO3", corrupted: "LaCrO3")]
        let score = ReactionBalanceAudit.score(outcome, key: key, splits: ReactionBalanceAudit.splits(records), split: "test")
        XCTAssertEqual(score.caughtByCorruption, ["wrong_element": "1/1"])
        XCTAssertEqual(score.byRule["wrong_element"], [ReactionElementBalance.unsuppliedRule: 1, ReactionElementBalance.lostRule: 1])
        XCTAssertEqual(score.clean, 1, "b is the only clean test reaction")
        XCTAssertEqual(score.cleanFlagged, 0)
        XCTAssertThrowsError(try ReactionBalanceAudit.audit(#"{"id":"x","composition":"NaCl"}"#, path: "p.jsonl")) { error in
            XCTAssertEqual(error as? ReviewError, .invalidLine(path: "p.jsonl", line: 1, field: "target_elements",
                                                              reason: "missing or not a list of strings (is this a reaction release?)"))
        }
    }

    func testFindingsBecomeReviewableFlagsWithTheRuleAsEvidence() throws {
        let records = """
            {"id":"a","composition":"LaCrO3","target_elements":["Cr","La","O"],"target_fractions":[0.2,0.2,0.6],"precursors":["La2O3","MnO2"],"precursor_keys":["La0.4O0.6","Mn0.333333O0.666667"],"actions":["heating"],"doi":"10.1/x","split":"test"}
            {"id":"c","composition":"SrTiO3","target_elements":["O","Sr","Ti"],"target_fractions":[0.6,0.2,0.2],"precursors":["SrCO3","TiO2","Nb2O5"],"precursor_keys":["C0.2O0.6Sr0.2","O0.666667Ti0.333333","Nb0.285714O0.714286"],"split":"train"}
            """
        let outcome = try ReactionBalanceAudit.audit(records, path: "r.jsonl")
        let unsupplied = try ReactionBalanceFlags.drafts(outcome.entries, rules: [ReactionElementBalance.unsuppliedRule])
        XCTAssertEqual(unsupplied.map(\.subjectKey), ["a"], "only a has an unsupplied element")
        let all = try ReactionBalanceFlags.drafts(outcome.entries, rules: [ReactionElementBalance.unsuppliedRule, ReactionElementBalance.lostRule])
        XCTAssertEqual(all.map(\.subjectKey), ["a", "c"])
        XCTAssertEqual(all.map(\.score), [1, 0.5], "a recording error outranks a likely dopant")

        let store = try CurateStore.inMemory()
        let producer = FlagProducer(modelPath: ReactionBalanceFlags.producerName, modelSHA256: "", inputSHA256: "abc")
        XCTAssertEqual(try store.recordFlags(all, producer: producer).inserted, 2)
        XCTAssertEqual(try store.recordFlags(all, producer: producer).refreshed, 2, "re-running the rules raises nothing new")
        let flag = try XCTUnwrap(try store.flags().first)
        let report = FlagReport.text(flag)
        XCTAssertTrue(report.contains("rule target_element_unsupplied: Cr"), report)
        XCTAssertTrue(report.contains("rule precursor_element_lost: Mn"), report)
        XCTAssertTrue(report.contains("observed:  Cr 0.200, La 0.200, O 0.600"), report)
        XCTAssertFalse(report.contains("predicted:"), "a rule predicts nothing")
        XCTAssertTrue(report.contains("https://doi.org/10.1/x"), report)
    }
}
