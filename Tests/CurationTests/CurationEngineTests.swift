import Store
import XCTest
@testable import Curation

final class CurationEngineTests: XCTestCase {
    private func input(_ id: Int, _ key: String, _ value: Double?, _ qualifier: String = "exact",
                       source: String = "a", system: String = "Fe-O", elements: Int = 2) -> CurationInput {
        CurationInput(observationId: id, sourceKind: "supercon", sourceName: source, canonicalKey: key, reducedFormula: key,
                      chemicalSystem: system, elementCount: elements, formulaAsWritten: key, value: value, unit: "K",
                      qualifier: qualifier, conditionsJSON: nil)
    }

    private func spec(rules: [RuleSpec] = [], aggregate: String = "median", censored: String = "keep", threshold: Double = 0.2) -> CurationSpec {
        CurationSpec(name: "t", version: "1.0.0", property: "tc", sources: [], rules: rules,
                     dedup: DedupSpec(tier: "composition", aggregate: aggregate, spreadThreshold: threshold, censored: censored))
    }

    func testCensoredLabelsAreNeverAveragedWithMeasurements() {
        let inputs = [input(1, "A", 10), input(2, "A", nil, "not_superconducting"), input(3, "A", 12),
                      input(4, "B", nil, "not_superconducting"), input(5, "B", nil, "not_superconducting")]
        let (exclusions, clusters, funnel) = CurationEngine.run(spec: spec(), inputs: inputs)
        XCTAssertEqual(clusters.map(\.key), ["A", "B"])
        XCTAssertEqual(clusters[0].value, 11)
        XCTAssertEqual(clusters[0].members, [1, 3])
        XCTAssertEqual(clusters[1].value, nil)
        XCTAssertEqual(clusters[1].qualifier, "not_superconducting")
        XCTAssertEqual(exclusions.map(\.observationId), [2])
        XCTAssertEqual(exclusions.first?.rule, "censored_with_measurements")
        XCTAssertEqual(funnel.last?.remaining, 2)
        // Nothing disappears: every input is either excluded or a member of a cluster.
        XCTAssertEqual(exclusions.count + clusters.reduce(0) { $0 + $1.members.count }, inputs.count)
    }

    func testAggregationPoliciesAndSpreadFlags() {
        let inputs = [input(1, "A", 10), input(2, "A", 20), input(3, "A", 30), input(4, "B", 5), input(5, "B", 5.1)]
        for (policy, expected) in [("median", 20.0), ("mean", 20.0), ("max", 30.0), ("min", 10.0)] {
            let clusters = CurationEngine.run(spec: spec(aggregate: policy), inputs: inputs).clusters
            XCTAssertEqual(clusters[0].value, expected, policy)
        }
        let clusters = CurationEngine.run(spec: spec(), inputs: inputs).clusters
        XCTAssertTrue(clusters[0].flagged, "spread 20 over 20 exceeds 0.2")
        XCTAssertEqual(clusters[0].relativeSpread ?? 0, 1.0, accuracy: 1e-12)
        XCTAssertFalse(clusters[1].flagged, "spread 0.1 over 5.05 is below 0.2")
    }

    func testRulesRemoveWithReasonsInOrder() {
        let rules = [RuleSpec(rule: "value_range", min: 0, max: 200),
                     RuleSpec(rule: "exclude_elements", elements: ["noble_gases"]),
                     RuleSpec(rule: "element_count", maxElements: 3)]
        let inputs = [input(1, "A", 250), input(2, "B", 10, system: "Ar-Fe"), input(3, "C", 10, elements: 4),
                      input(4, "D", 10), input(5, "E", nil, "not_superconducting")]
        let (exclusions, clusters, funnel) = CurationEngine.run(spec: spec(rules: rules), inputs: inputs)
        XCTAssertEqual(exclusions.map(\.rule), ["value_range", "exclude_elements", "element_count"])
        XCTAssertEqual(exclusions.map(\.ruleVersion), ["value_range/1", "exclude_elements/1", "element_count/1"])
        XCTAssertTrue(exclusions[1].reason.contains("Ar"))
        XCTAssertEqual(clusters.map(\.key), ["D", "E"], "a censored label has no value to range-check")
        XCTAssertEqual(funnel.map(\.remaining), [5, 4, 3, 2, 2, 2])
    }

    func testDropPolicyLedgersCensoredOnlyCompositions() {
        let inputs = [input(1, "A", nil, "not_superconducting"), input(2, "B", 3)]
        let (exclusions, clusters, _) = CurationEngine.run(spec: spec(censored: "drop"), inputs: inputs)
        XCTAssertEqual(clusters.map(\.key), ["B"])
        XCTAssertEqual(exclusions.map(\.rule), ["censored_dropped"])
    }

    func testResultIsIndependentOfInputOrder() {
        let inputs = [input(1, "A", 10), input(2, "B", 20), input(3, "A", 14), input(4, "C", nil, "not_superconducting")]
        let forward = CurationEngine.run(spec: spec(), inputs: inputs)
        let backward = CurationEngine.run(spec: spec(), inputs: inputs.reversed())
        XCTAssertEqual(forward.clusters, backward.clusters)
        XCTAssertEqual(forward.exclusions, backward.exclusions)
        XCTAssertEqual(forward.funnel, backward.funnel)
    }
}

final class LeakageAuditTests: XCTestCase {
    func testOverlapByCompositionAndChemicalSystem() {
        let a = [LeakageRecord(canonicalKey: "Fe0.4O0.6", chemicalSystem: "Fe-O"), LeakageRecord(canonicalKey: "Fe0.5O0.5", chemicalSystem: "Fe-O"),
                 LeakageRecord(canonicalKey: "Na0.5Cl0.5", chemicalSystem: "Cl-Na")]
        let b = [LeakageRecord(canonicalKey: "Fe0.4O0.6", chemicalSystem: "Fe-O"), LeakageRecord(canonicalKey: "Fe0.428571O0.571429", chemicalSystem: "Fe-O"),
                 LeakageRecord(canonicalKey: "K0.5Cl0.5", chemicalSystem: "Cl-K")]
        let report = LeakageAudit.audit(a: ("train", a), b: ("test", b))
        XCTAssertEqual(report.sharedCompositions, 1)
        XCTAssertEqual(report.sharedChemicalSystems, 1)
        XCTAssertEqual(report.a.recordsWithSharedComposition, 1)
        XCTAssertEqual(report.a.recordsWithSharedChemicalSystem, 2)
        XCTAssertEqual(report.b.recordsWithSharedChemicalSystem, 2)
        XCTAssertEqual(report.sharedCompositionExamples, ["Fe0.4O0.6"])
    }
}

final class SourcePrecedenceTests: XCTestCase {
    private func input(_ id: Int, _ key: String, _ value: Double, source: String, kind: String,
                       conditions: String? = nil) -> CurationInput {
        CurationInput(observationId: id, sourceKind: kind, sourceName: source, canonicalKey: key, reducedFormula: key,
                      chemicalSystem: "Fe-O", elementCount: 2, formulaAsWritten: key, value: value, unit: "eV/atom",
                      qualifier: "exact", conditionsJSON: conditions)
    }

    func testMaterialsProjectWinsOverWBMOnlyWhereBothHaveTheComposition() {
        let inputs = [input(1, "A", -1.0, source: "mp-2023", kind: "mp"), input(2, "A", -1.2, source: "wbm-summary", kind: "wbm"),
                      input(3, "B", -0.5, source: "wbm-summary", kind: "wbm"), input(4, "C", -0.7, source: "oqmd-x", kind: "oqmd"),
                      input(5, "C", -0.8, source: "wbm-summary", kind: "wbm")]
        let spec = CurationSpec(name: "t", version: "1", property: "e", sources: [], rules: [],
                                dedup: DedupSpec(tier: "composition", aggregate: "min", spreadThreshold: 0.1, censored: "drop",
                                                 sourcePrecedence: ["mp", "wbm"]))
        let (exclusions, clusters, funnel) = CurationEngine.run(spec: spec, inputs: inputs)
        // A: MP kept, WBM excluded even though its energy is lower. B: WBM alone is kept.
        // C: OQMD is unlisted, so WBM (listed) wins over it.
        XCTAssertEqual(exclusions.map(\.observationId), [2, 4])
        XCTAssertTrue(exclusions.allSatisfy { $0.rule == "source_precedence" })
        XCTAssertEqual(clusters.map(\.value), [-1.0, -0.5, -0.8])
        XCTAssertEqual(funnel.first { $0.step.hasPrefix("source precedence") }?.removed, 2)
        XCTAssertEqual(funnel.last?.remaining, 3)
        XCTAssertEqual(exclusions.count + clusters.reduce(0) { $0 + $1.members.count }, inputs.count)
    }

    func testRequireConditionKeepsOneCorrectionScheme() {
        let inputs = [input(1, "A", -1.0, source: "s", kind: "wbm", conditions: #"{"correction":"mp2020"}"#),
                      input(2, "A", -1.3, source: "s", kind: "wbm", conditions: #"{"correction":"none"}"#),
                      input(3, "B", -0.2, source: "s", kind: "wbm")]
        let rule = RuleSpec(rule: "require_condition", min: nil, max: nil, elements: nil, minElements: nil, maxElements: nil,
                            qualifiers: nil, field: "correction", values: ["mp2020"])
        let spec = CurationSpec(name: "t", version: "1", property: "e", sources: [], rules: [rule],
                                dedup: DedupSpec(tier: "composition", aggregate: "min", spreadThreshold: 0.1, censored: "drop"))
        let (exclusions, clusters, _) = CurationEngine.run(spec: spec, inputs: inputs)
        XCTAssertEqual(exclusions.map(\.observationId), [2, 3])
        XCTAssertEqual(clusters.map(\.value), [-1.0])
        XCTAssertTrue(exclusions[1].reason.contains("no correction recorded"), exclusions[1].reason)
    }
}
