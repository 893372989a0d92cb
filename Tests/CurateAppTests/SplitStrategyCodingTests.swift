import Datasets
import Foundation
import XCTest

/// Split strategies as one typed enum, read from and written to the spec's flat JSON unchanged.
final class SplitStrategyCodingTests: XCTestCase {
    let fractions = SplitFractions(train: 0.8, validation: 0.1, test: 0.1)

    func decode(_ json: String) throws -> SplitStrategy {
        try JSONDecoder().decode(SplitStrategy.self, from: Data(json.utf8))
    }

    /// Canonical JSON (sorted keys), as the manifest embeds it.
    func encode(_ strategy: SplitStrategy) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(strategy), as: UTF8.self)
    }

    func testEveryStrategyParsesToItsCaseAndEncodesBackToTheSameJSON() throws {
        let f = #""fractions":{"test":0.1,"train":0.8,"validation":0.1}"#
        let cases: [(String, SplitStrategy)] = [
            (#"{"strategy":"random"}"#, .random(fractions: nil)),
            (#"{\#(f),"strategy":"random"}"#, .random(fractions: fractions)),
            (#"{"bins":4,\#(f),"strategy":"stratified"}"#, .stratified(bins: 4, fractions: fractions)),
            (#"{"strategy":"stratified"}"#, .stratified(bins: nil, fractions: nil)),
            (#"{\#(f),"group_by":"prototype","strategy":"grouped"}"#, .grouped(by: .prototype, fractions: fractions)),
            (#"{"strategy":"chemical_system","systems":["Cu-La-O"]}"#, .chemicalSystem(systems: ["Cu-La-O"], fractions: nil)),
            (#"{"holdout_clusters":[0,2],"k":3,"strategy":"cluster"}"#, .cluster(k: 3, holdoutClusters: [0, 2], fractions: nil)),
            (#"{"elements":["Cu"],"strategy":"element"}"#, .element(elements: ["Cu"], fractions: nil)),
            (#"{"strategy":"space_group","values":["225"]}"#, .spaceGroup(AttributeSelection(values: ["225"]), fractions: nil)),
            (#"{"strategy":"batch","values":["5"]}"#, .batch(AttributeSelection(values: ["5"]), fractions: nil)),
            (#"{"min":2015,"strategy":"time"}"#, .time(AttributeSelection(min: 2015), fractions: nil)),
            (#"{"field":"year","min":2015,"strategy":"time"}"#, .time(AttributeSelection(field: "year", min: 2015), fractions: nil)),
            (#"{"field":"method","strategy":"attribute","values":["sol-gel"]}"#,
             .attribute(AttributeSelection(field: "method", values: ["sol-gel"]), fractions: nil)),
            (#"{"k":5,"strategy":"kfold"}"#, .kfold(k: 5)),
            (#"{"inner_k":4,"k":5,"strategy":"nested_kfold"}"#, .nestedKfold(k: 5, innerK: 4)),
        ]
        XCTAssertEqual(Set(cases.map(\.1.name)), SplitStrategy.names, "every strategy has a case here")
        for (json, expected) in cases {
            let strategy = try decode(json)
            XCTAssertEqual(strategy, expected, json)
            XCTAssertEqual(try encode(strategy), json, "round trip")
            XCTAssertNoThrow(try strategy.validate(), json)
        }
    }

    func testDefaultsOfTheAttributeHoldoutsAndFractions() throws {
        XCTAssertEqual(try decode(#"{"strategy":"time","min":2015}"#).attributeField, "year")
        XCTAssertEqual(try decode(#"{"strategy":"batch","values":["1"]}"#).attributeField, "batch")
        XCTAssertEqual(try decode(#"{"strategy":"space_group","field":"sg","values":["1"]}"#).attributeField, "sg")
        XCTAssertNil(try decode(#"{"strategy":"random"}"#).attributeField)
        XCTAssertEqual(try decode(#"{"strategy":"random"}"#).effectiveFractions, fractions)
        XCTAssertNil(SplitStrategy.kfold(k: 3).fractions)
    }

    /// The committed specs parse, and each split encodes back to exactly the object in the file.
    func testEveryCommittedSpecSplitParsesAndRoundTrips() throws {
        let paths = try TestPaths.committedSpecs()
        XCTAssertGreaterThanOrEqual(paths.count, 8)
        var seen: Set<String> = []
        for name in paths {
            let data = try Data(contentsOf: URL(fileURLWithPath: name))
            let spec = try DatasetSpec.load(path: name)
            seen.insert(spec.split.name)
            let file = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let original = try XCTUnwrap(file["split"] as? NSDictionary, name)
            let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(spec.split)) as? NSDictionary
            XCTAssertEqual(encoded, original, name)
        }
        XCTAssertEqual(seen, ["kfold", "grouped", "stratified", "random"])
    }

    func specError(_ split: String) -> String? {
        let json = #"""
            { "name": "x", "description": "", "sources": [{"kind": "supercon", "path": "a.csv"}], "curation": "c.json",
              "target": {"property": "tc", "unit": "K"}, "representation": "composition", "split": \#(split), "seed": 1 }
            """#
        do {
            _ = try DatasetSpec.decode(Data(json.utf8), path: "s.json").validate(path: "s.json")
            return nil
        } catch let DatasetError.spec(path, message) {
            XCTAssertEqual(path, "s.json")
            return message
        } catch {
            return "unexpected \(error)"
        }
    }

    func testBadSplitsAreRefusedWithTheSameMessagesAsBefore() {
        XCTAssertEqual(specError(#"{"strategy": "shuffle"}"#), "split: unknown strategy \"shuffle\"; known: "
            + "attribute, batch, chemical_system, cluster, element, grouped, kfold, nested_kfold, random, space_group, stratified, time")
        XCTAssertEqual(specError(#"{"strategy": "kfold", "k": 1}"#), "split: kfold needs k >= 2")
        XCTAssertEqual(specError(#"{"strategy": "kfold"}"#), "split: kfold needs k >= 2")
        XCTAssertEqual(specError(#"{"strategy": "nested_kfold", "k": 5}"#), "split: nested_kfold needs k >= 2 and inner_k >= 2")
        XCTAssertEqual(specError(#"{"strategy": "cluster"}"#), "split: cluster needs k >= 2")
        XCTAssertEqual(specError(#"{"strategy": "cluster", "k": 3, "holdout_clusters": [3]}"#), "split: holdout_clusters must lie in 0..<3")
        XCTAssertEqual(specError(#"{"strategy": "grouped", "group_by": "formula"}"#),
                       "split: grouped needs group_by: composition, chemical_system or prototype")
        XCTAssertEqual(specError(#"{"strategy": "grouped"}"#), "split: grouped needs group_by: composition, chemical_system or prototype")
        XCTAssertEqual(specError(#"{"strategy": "stratified", "bins": 0}"#), "split: bins must be at least 1")
        XCTAssertEqual(specError(#"{"strategy": "element", "elements": []}"#), "split: element needs elements")
        XCTAssertEqual(specError(#"{"strategy": "element"}"#), "split: element needs elements")
        XCTAssertEqual(specError(#"{"strategy": "attribute", "values": ["1"]}"#), "split: attribute needs field")
        XCTAssertEqual(specError(#"{"strategy": "batch"}"#), "split: batch needs values or min")
        XCTAssertEqual(specError(#"{"strategy": "random", "fractions": {"train": 0.8, "validation": 0.1, "test": 0.2}}"#),
                       "split: fractions must be in [0, 1] and add up to 1, got [0.8, 0.1, 0.2]")
        XCTAssertEqual(specError(#"{"strategy": "random", "fractions": {"train": 0.8, "test": 0.2}}"#),
                       "missing key \"validation\" at .split.fractions")
        XCTAssertEqual(specError(#"{"strategy": "kfold", "k": "five"}"#)?.hasSuffix(" at .split.k"), true)
        XCTAssertEqual(specError(#"{"k": 5}"#), "missing key \"strategy\" at .split")
    }

    /// A parameter the strategy would ignore is refused instead of silently dropped.
    func testAParameterTheStrategyDoesNotReadIsRefused() {
        XCTAssertEqual(specError(#"{"strategy": "random", "k": 5}"#), "split: k does not apply to the random strategy (it reads fractions)")
        XCTAssertEqual(specError(#"{"strategy": "kfold", "k": 5, "fractions": {"train": 0.8, "validation": 0.1, "test": 0.1}}"#),
                       "split: fractions does not apply to the kfold strategy (it reads k)")
        XCTAssertNil(specError(#"{"strategy": "kfold", "k": 5, "bins": null}"#), "an explicit null is no parameter")
        XCTAssertNil(specError(#"{"strategy": "kfold", "k": 5, "comment": "unknown keys are ignored, as before"}"#))
    }
}
