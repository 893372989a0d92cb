import Foundation
import Ingest
import Store
import XCTest
@testable import Curation

final class StructureRuleTests: XCTestCase {
    func input(_ id: Int, metadata: String?) -> CurationInput {
        CurationInput(observationId: id, sourceKind: "mp", sourceName: "s", canonicalKey: "K\(id)", reducedFormula: "K",
                      chemicalSystem: "K", elementCount: 1, formulaAsWritten: "K", value: -1, unit: "eV/atom", qualifier: "exact",
                      conditionsJSON: nil, metadataJSON: metadata)
    }

    func rule(_ kind: String, min: Double? = nil, max: Double? = nil) -> RuleSpec {
        RuleSpec(rule: kind, min: min, max: max, elements: nil, minElements: nil, maxElements: nil, qualifiers: nil, field: nil, values: nil)
    }

    func excluded(_ rule: RuleSpec, _ inputs: [CurationInput]) -> [Int] {
        let spec = CurationSpec(name: "t", version: "1", property: "e", sources: [], rules: [rule],
                                dedup: DedupSpec(tier: "composition", aggregate: "min", spreadThreshold: 1, censored: "drop"))
        return CurationEngine.run(spec: spec, inputs: inputs).exclusions.map(\.observationId)
    }

    func testVolumeSitesOrderAndWyckoffRules() {
        let inputs = [
            input(1, metadata: #"{"nsites":2,"volume":1000}"#), input(2, metadata: #"{"nsites":2,"volume":1100}"#),
            input(3, metadata: #"{"n_sites":4,"volume":2}"#), input(4, metadata: nil),
        ]
        XCTAssertEqual(excluded(rule("volume_per_site", min: 1, max: 500), inputs), [2, 3, 4])
        XCTAssertEqual(excluded(rule("site_count", max: 3), inputs), [3, 4])
        let ordered = [input(1, metadata: #"{"ordered":true}"#), input(2, metadata: #"{"ordered":false}"#), input(3, metadata: "{}")]
        XCTAssertEqual(excluded(rule("ordered_structure"), ordered), [2, 3])
        // Rock salt is valid (4a + 4b = AB); the same letters cannot make AB2; Fm-3m has no letter z;
        // Li8FeO6 in Cmc2_1: 4 + 32 + 24 atoms = 1:8:6 over 10 positions.
        let labels = [
            input(1, metadata: #"{"protostructure":"AB_cF8_225_a_b:Cl-Na"}"#), input(2, metadata: #"{"protostructure":"AB2_cF8_225_a_b:Cl-Na"}"#),
            input(3, metadata: #"{"protostructure":"AB_cF8_225_a_z:Cl-Na"}"#), input(4, metadata: #"{"protostructure":"AB8C6_oC60_36_a_2a3b_2a2b:Fe-Li-O"}"#),
        ]
        XCTAssertEqual(excluded(rule("valid_protostructure"), labels), [2, 3])
        XCTAssertEqual(WyckoffLabelCheck.positions("AB8C6_oC60_36_a_2a3b_2a2b:Fe-Li-O"), 10)
        XCTAssertEqual(excluded(rule("wyckoff_positions", max: 9), labels), [2, 3, 4])
        XCTAssertEqual(WyckoffLabelCheck.amounts(of: "AB8C6"), [1, 8, 6])
    }

    func testEveryLiFeOLabelIsValidAgainstTheWyckoffTables() throws {
        let store = try CurateStore.inMemory()
        _ = try MaterialsProjectJSONIngester.ingest(path: try CurationTestData.shared("mp/emmet/Li-Fe-O.json.gz").path, into: store)
        let inputs = try store.curationInputs(property: "formation_energy_per_atom", sources: [])
        XCTAssertFalse(inputs.isEmpty)
        XCTAssertEqual(excluded(rule("valid_protostructure"), inputs), [])
        XCTAssertEqual(excluded(rule("ordered_structure"), inputs), [])
        // Li-Fe-O cells hold at most a few hundred sites and 5–30 Å³ per site.
        XCTAssertEqual(excluded(rule("volume_per_site", min: 1, max: 500), inputs), [])
    }
}

final class ProtostructureLeakageTests: XCTestCase {
    func testSharedProtostructuresAndPrototypes() {
        let a = [LeakageRecord(canonicalKey: "Cl0.5Na0.5", chemicalSystem: "Cl-Na", protostructure: "AB_cF8_225_a_b:Cl-Na"),
                 LeakageRecord(canonicalKey: "Cl0.5K0.5", chemicalSystem: "Cl-K", protostructure: "AB_cF8_225_a_b:Cl-K")]
        let b = [LeakageRecord(canonicalKey: "Cl0.5Na0.5", chemicalSystem: "Cl-Na", protostructure: "AB_cP2_221_a_b:Cl-Na"),
                 LeakageRecord(canonicalKey: "Br0.5K0.5", chemicalSystem: "Br-K", protostructure: "AB_cF8_225_a_b:Br-K"),
                 LeakageRecord(canonicalKey: "Cl0.5K0.5", chemicalSystem: "Cl-K", protostructure: "AB_cF8_225_a_b:Cl-K")]
        let report = LeakageAudit.audit(a: ("a", a), b: ("b", b))
        // NaCl in both, but as rock salt in one and CsCl type in the other: a shared composition, not a shared protostructure.
        XCTAssertEqual(report.sharedCompositions, 2)
        XCTAssertEqual(report.sharedProtostructures, 1)
        XCTAssertEqual(report.sharedPrototypes, 1)
        let plain = LeakageAudit.audit(a: ("a", [LeakageRecord(canonicalKey: "X", chemicalSystem: "X")]), b: ("b", []))
        XCTAssertNil(plain.sharedProtostructures)
    }
}
