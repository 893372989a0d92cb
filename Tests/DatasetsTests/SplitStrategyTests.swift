import XCTest
@testable import Datasets

final class SplitStrategyTests: XCTestCase {
    /// The fractions every test but the per-prototype holdout uses.
    let fractions = SplitFractions(train: 0.8, validation: 0.1, test: 0.1)

    func counts(_ records: [DatasetRecord]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for record in records { counts[record.split, default: 0] += 1 }
        return counts
    }

    func testRandomSplitMeetsFractionsAndIsStableUnderRemoval() throws {
        let records = try SyntheticRecords.many(4000)
        let split = Splitter.split(records, spec: .random(fractions: fractions), seed: 7).records
        let counts = counts(split)
        XCTAssertEqual(counts.values.reduce(0, +), 4000)
        // Binomial(4000, 0.1) has sd ≈ 19: 4 sd either side.
        XCTAssertEqual(Double(counts["test"] ?? 0), 400, accuracy: 76)
        XCTAssertEqual(Double(counts["validation"] ?? 0), 400, accuracy: 76)
        // Same seed, same labels; another seed moves records.
        XCTAssertEqual(Splitter.split(records, spec: .random(fractions: fractions), seed: 7).records.map(\.split), split.map(\.split))
        let reseeded = Splitter.split(records, spec: .random(fractions: fractions), seed: 8).records
        XCTAssertGreaterThan(zip(split, reseeded).filter { $0.split != $1.split }.count, 400)
        // Removing every other record leaves the labels of the others untouched.
        let half = stride(from: 0, to: records.count, by: 2).map { records[$0] }
        let halfSplit = Splitter.split(half, spec: .random(fractions: fractions), seed: 7).records
        let labels = Dictionary(uniqueKeysWithValues: split.map { ($0.id, $0.split) })
        XCTAssertEqual(halfSplit.filter { labels[$0.id] != $0.split }.count, 0)
    }

    func testGroupedByChemicalSystemPutsEachSystemInOneSplit() throws {
        let records = try SyntheticRecords.many(3000)
        let split = Splitter.split(records, spec: .grouped(by: .chemicalSystem, fractions: fractions), seed: 1).records
        var splitsBySystem: [String: Set<String>] = [:]
        for record in split { splitsBySystem[record.chemicalSystem, default: []].insert(record.split) }
        XCTAssertTrue(splitsBySystem.values.allSatisfy { $0.count == 1 })
        XCTAssertGreaterThan(Set(records.map(\.chemicalSystem)).count, 50, "the test needs many systems to mean anything")
        XCTAssertEqual(Set(split.map(\.split)), ["train", "validation", "test"])
    }

    func testStratifiedSplitHasExactQuotasPerTargetBin() throws {
        let records = try SyntheticRecords.many(2000)
        let outcome = Splitter.split(records, spec: .stratified(bins: 4, fractions: fractions), seed: 3)
        let sorted = outcome.records.sorted { $0.target != $1.target ? $0.target < $1.target : $0.id < $1.id }
        for bin in 0..<4 {
            let members = sorted[(bin * 500)..<((bin + 1) * 500)]
            let binCounts = counts(Array(members))
            XCTAssertEqual(binCounts["train"], 400, "bin \(bin)")
            XCTAssertEqual(binCounts["validation"], 50, "bin \(bin)")
            XCTAssertEqual(binCounts["test"], 50, "bin \(bin)")
        }
        XCTAssertEqual(outcome.notes["bin_lower_edges"]?.split(separator: ",").count, 4)
    }

    func testChemicalSystemHoldoutPerPrototype() throws {
        // TAATA-like: three systems for each of two prototypes, plus a prototype with one system.
        let formulas = ["TiZn2N", "ZrZn2N", "HfZn2N", "TiZnN4", "ZrZnN4", "HfZnN4", "TiZn2N2", "ZrZn2N2", "HfZn2N2",
                        "Ti2Zn3N", "Ti3Zn3N2", "LiFeO2"]
        let records = try formulas.map { try SyntheticRecords.record($0) }
        let spec = SplitStrategy.chemicalSystem(systems: nil, fractions: SplitFractions(train: 2.0 / 3, validation: 0, test: 1.0 / 3))
        let split = Splitter.split(records, spec: spec, seed: 11).records
        var byPrototype: [String: [DatasetRecord]] = [:]
        for record in split { byPrototype[record.prototype, default: []].append(record) }
        for (prototype, members) in byPrototype {
            let systems = Set(members.map(\.chemicalSystem))
            let testSystems = Set(members.filter { $0.split == "test" }.map(\.chemicalSystem))
            if systems.count >= 2 {
                XCTAssertEqual(testSystems.count, 1, prototype)
                XCTAssertTrue(members.contains { $0.split == "train" }, prototype)
            } else {
                XCTAssertTrue(testSystems.isEmpty, "a prototype with one system stays in training: \(prototype)")
            }
        }
        // Explicit systems: exactly the records of those systems are test.
        let explicit = Splitter.split(records, spec: .chemicalSystem(systems: ["N-Ti-Zn"], fractions: fractions), seed: 11).records
        XCTAssertEqual(Set(explicit.filter { $0.split == "test" }.map(\.chemicalSystem)), ["N-Ti-Zn"])
        XCTAssertEqual(explicit.filter { $0.split == "test" }.count, records.filter { $0.chemicalSystem == "N-Ti-Zn" }.count)
    }

    func testElementHoldout() throws {
        let records = try SyntheticRecords.many(1500)
        let split = Splitter.split(records, spec: .element(elements: ["Cu", "Zn"], fractions: fractions), seed: 5).records
        for record in split {
            let holds = record.elements.contains("Cu") || record.elements.contains("Zn")
            XCTAssertEqual(record.split == "test", holds, record.composition)
        }
        XCTAssertGreaterThan(split.filter { $0.split == "validation" }.count, 0)
    }

    func testKMeansRecoversSeparatedBlobs() {
        var generator = SplitMix64(seed: 99)
        let centres: [[Double]] = [[0, 0], [10, 0], [0, 10]]
        var points: [[Double]] = []
        var truth: [Int] = []
        for index in 0..<300 {
            let centre = centres[index % 3]
            points.append(centre.map { $0 + generator.nextUnit() - 0.5 })
            truth.append(index % 3)
        }
        let result = KMeans.cluster(points, k: 3, seed: 4)
        XCTAssertEqual(result.sizes, [100, 100, 100])
        // Same blob ⇔ same cluster.
        for i in 0..<30 { for j in 0..<30 { XCTAssertEqual(truth[i] == truth[j], result.assignments[i] == result.assignments[j]) } }
    }

    func testClusterSplitHoldsOutWholeClusters() throws {
        let records = try SyntheticRecords.many(1200)
        let folds = Splitter.split(records, spec: .cluster(k: 4, holdoutClusters: nil, fractions: fractions), seed: 2)
        XCTAssertEqual(Set(folds.records.map(\.split)), ["cluster-0", "cluster-1", "cluster-2", "cluster-3"])
        let sizes = (folds.notes["cluster_sizes"] ?? "").split(separator: ",").compactMap { Int($0) }
        XCTAssertEqual(sizes.reduce(0, +), 1200)
        XCTAssertEqual(sizes, sizes.sorted(by: >))
        let held = Splitter.split(records, spec: .cluster(k: 4, holdoutClusters: [1], fractions: fractions), seed: 2).records
        for (fold, record) in zip(folds.records, held) {
            XCTAssertEqual(record.split == "test", fold.split == "cluster-1")
        }
    }

    func testKFoldAndNestedKFold() throws {
        let records = try SyntheticRecords.many(5000)
        let nested = Splitter.split(records, spec: .nestedKfold(k: 5, innerK: 4), seed: 9).records
        let outer = counts(nested)
        XCTAssertEqual(Set(outer.keys), Set((0..<5).map { "fold-\($0)" }))
        // Binomial(5000, 0.2): sd ≈ 28; 4 sd.
        for count in outer.values { XCTAssertEqual(Double(count), 1000, accuracy: 113) }
        for fold in 0..<5 {
            let rest = nested.filter { $0.split != "fold-\(fold)" }
            var inner = [Int](repeating: 0, count: 4)
            for record in rest { if let innerFold = record.innerFold { inner[innerFold] += 1 } else { XCTFail("no inner fold") } }
            for count in inner { XCTAssertEqual(Double(count), Double(rest.count) / 4, accuracy: 120, "outer fold \(fold)") }
        }
    }

    func testAttributeHoldoutsOnBatchAndYear() throws {
        var records = try SyntheticRecords.many(600)
        for index in records.indices { records[index].attributeValues = [String(1 + index % 5)] }
        records[0].attributeValues = []
        let outcome = Splitter.split(records, spec: .batch(AttributeSelection(values: ["5"]), fractions: fractions), seed: 1)
        XCTAssertEqual(outcome.unplaced.count, 1)
        XCTAssertEqual(outcome.records.count, 599)
        for record in outcome.records { XCTAssertEqual(record.split == "test", record.attributeValues == ["5"]) }
        // Time split: the earliest year decides.
        var years = try SyntheticRecords.many(3)
        years[0].attributeValues = ["2010", "2020"]
        years[1].attributeValues = ["2016"]
        years[2].attributeValues = ["2015"]
        let time = Splitter.split(years, spec: .time(AttributeSelection(min: 2015), fractions: fractions), seed: 1).records
        XCTAssertEqual(time.map { $0.split == "test" }, [false, true, true])
        XCTAssertEqual(RecordAttributes.wbmRound("wbm-3-1234"), "3")
        XCTAssertNil(RecordAttributes.wbmRound("mp-1234"))
    }
}

final class RecordAttributesTests: XCTestCase {
    func testEntryIdFastPathAgreesWithAFullParse() {
        let cases: [(String, String?)] = [
            (#"{"id":"mp-1234"}"#, "mp-1234"), (#"{"a":"b","id":"wbm-1-2"}"#, "wbm-1-2"), (#"{"id": "spaced"}"#, "spaced"),
            (#"{"xid":"no","id":"yes"}"#, "yes"), (#"{"note":"say \"id\":\"x\"","id":"real"}"#, "real"),
            (#"{"id":"with \"quote\""}"#, "with \"quote\""), (#"{"id":7}"#, "7"), (#"{"other":"x"}"#, nil),
        ]
        for (json, expected) in cases {
            XCTAssertEqual(RecordAttributes.entryId(metadataJSON: json), expected, json)
        }
        var object = JSONObjectText()
        object.string("k", "v")
        object.strings("l", ["x", "y"])
        object.number("n", nil)
        XCTAssertEqual(object.text, #"{"k":"v","l":["x","y"],"n":null}"#)
    }
}
