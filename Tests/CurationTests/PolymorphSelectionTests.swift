import Foundation
import Ingest
import Store
import XCTest
@testable import Curation

/// Lowest-energy polymorph selection on the 375 Materials Project Li–Fe–O entries: composition
/// tier with `min`, and the protostructure tier that keeps polymorphs apart.
final class PolymorphSelectionTests: XCTestCase {
    /// Formation energies per entry id, computed by pymatgen (`scripts/make-dft-ingest-fixture.py`).
    func pymatgenFormationEnergies() throws -> [String: Double] {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("IngestTests/Fixtures/li-fe-o-entries.json")
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as? [String: Any])
        let entries = try XCTUnwrap(root["entries"] as? [String: [String: Any]])
        return entries.compactMapValues { $0["formation_energy_per_atom"] as? Double }
    }

    func spec(tier: String) -> CurationSpec {
        CurationSpec(name: "li-fe-o", version: "1.0.0", property: "formation_energy_per_atom", sources: [],
                     rules: [RuleSpec(rule: "require_condition", min: nil, max: nil, elements: nil, minElements: nil, maxElements: nil,
                                      qualifiers: nil, field: "correction", values: ["mp2020"])],
                     dedup: DedupSpec(tier: tier, aggregate: "min", spreadThreshold: 0.1, censored: "drop"))
    }

    func testLowestEnergyPolymorphPerCompositionAndPerProtostructure() throws {
        let store = try CurateStore.inMemory()
        _ = try MaterialsProjectJSONIngester.ingest(path: try CurationTestData.shared("mp/emmet/Li-Fe-O.json.gz").path, into: store)
        let inputs = try store.curationInputs(property: "formation_energy_per_atom", sources: [])
        let reference = try pymatgenFormationEnergies()
        XCTAssertEqual(reference.count, 375)

        // Independent expectation: per composition, the lowest of pymatgen's energies.
        var idsByKey: [String: [String]] = [:]
        for input in inputs where input.conditionsJSON?.contains("\"mp2020\"") == true {
            let metadata = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(XCTUnwrap(input.metadataJSON).utf8)) as? [String: Any])
            idsByKey[input.canonicalKey, default: []].append(try XCTUnwrap(metadata["id"] as? String))
        }
        let composition = CurationEngine.run(spec: spec(tier: "composition"), inputs: inputs)
        XCTAssertEqual(composition.clusters.count, idsByKey.count)
        for cluster in composition.clusters {
            let expected = try XCTUnwrap(idsByKey[cluster.key]?.compactMap { reference[$0] }.min())
            XCTAssertEqual(try XCTUnwrap(cluster.value), expected, accuracy: 1e-6, cluster.key)
            XCTAssertTrue(cluster.evidenceJSON.contains("\"selected\""), cluster.evidenceJSON)
        }
        XCTAssertGreaterThan(composition.clusters.filter { $0.members.count > 1 }.count, 10, "Li-Fe-O has many polymorphs")

        // Protostructure tier: polymorphs apart; the best of a composition's polymorphs is the
        // composition-tier value, and every cluster holds one label.
        let polymorphs = CurationEngine.run(spec: spec(tier: "protostructure"), inputs: inputs)
        XCTAssertGreaterThan(polymorphs.clusters.count, composition.clusters.count)
        var bestByComposition: [String: Double] = [:]
        for cluster in polymorphs.clusters {
            let key = String(cluster.key.split(separator: " ").first ?? "")
            bestByComposition[key] = min(bestByComposition[key] ?? .infinity, cluster.value ?? .infinity)
        }
        for cluster in composition.clusters {
            XCTAssertEqual(bestByComposition[cluster.key] ?? .nan, cluster.value ?? .nan, accuracy: 1e-12, cluster.key)
        }
        let unlabelled = polymorphs.exclusions.filter { $0.rule == "no_protostructure" }.count
        let excludedByCondition = polymorphs.exclusions.filter { $0.rule == "require_condition" }.count
        XCTAssertEqual(polymorphs.clusters.reduce(0) { $0 + $1.members.count } + unlabelled + excludedByCondition, inputs.count)
    }
}
