import Chemistry
import Foundation
import Models
import XCTest
@testable import Review

/// Planted errors: corrupt held-out reactions before prediction, then check that the flag score
/// ranks them far above chance, and that the corrupted release still loads.
final class PlantedErrorTests: XCTestCase {
    func testFlagScoreRecoversPlantedCorruptionsFarAboveChance() throws {
        let clean = SyntheticReactions.release(count: 1000, seed: 7)
        let planted = try PlantedErrors.plant(clean, path: "synthetic.jsonl", fraction: 0.05, seed: 11)
        XCTAssertEqual(planted.eligible, 200)
        XCTAssertEqual(planted.key.count, 10)
        XCTAssertEqual(Set(planted.key.map(\.corruption)), Set(PlantedErrors.Corruption.reactionKinds))
        for plant in planted.key { XCTAssertNotEqual(plant.original, plant.corrupted, "\(plant)") }

        // The corrupted copy loads with the reaction model's loader, same ids, corrupted targets.
        let samples = try ReactionDataset.parse(planted.recordsText, path: "corrupted.jsonl")
        XCTAssertEqual(samples.count, 1000)
        let byId = Dictionary(uniqueKeysWithValues: samples.map { ($0.id, $0) })
        for plant in planted.key { XCTAssertEqual(byId[plant.id]?.composition, plant.corrupted) }

        // Predict on the corrupted records (the model sees precursors and actions only), round-trip
        // the predictions through the file format, then rank the test split.
        let predictions = try ReactionPredictionFile.parse(
            try SyntheticReactions.jsonLines(try SyntheticReactions.predict(planted.recordsText, seed: 3)), path: "predictions.jsonl")
        let ranked = try ReactionFlagScoring.score(predictions).filter { $0.record.split == "test" }
        let report = try PlantedScoring.report(ranked: ranked.map(\.record.id), key: planted.key)
        XCTAssertEqual(report.ranked, 200)
        XCTAssertEqual(report.corruptionRate, 0.05, accuracy: 1e-12)
        let atPlanted = try XCTUnwrap(report.cuts.first { $0.label == "planted" })
        XCTAssertGreaterThanOrEqual(atPlanted.precision, 0.8, "\(report)")
        XCTAssertGreaterThan(atPlanted.lift, 10)
        // Hard reactions (large error, but the model knew it was unsure) stay below the planted ones.
        let top = ranked.prefix(planted.key.count)
        XCTAssertFalse(top.contains { $0.record.actions.contains("quenching") && !planted.key.map(\.id).contains($0.record.id) },
                       top.map { "\($0.record.id) \($0.record.actions) \($0.score)" }.joined(separator: "\n"))
        // Ranking by error alone would let them in: the uncertainty term is doing work.
        let byError = ranked.sorted { ($0.error, $1.record.id) > ($1.error, $0.record.id) }.prefix(planted.key.count)
        XCTAssertTrue(byError.contains { $0.record.actions.contains("quenching") })
    }

    func testPlantingIsDeterministicAndKeyRoundTrips() throws {
        let clean = SyntheticReactions.release(count: 200, seed: 1)
        let first = try PlantedErrors.plant(clean, path: "a", fraction: 0.1, seed: 5)
        let second = try PlantedErrors.plant(clean, path: "a", fraction: 0.1, seed: 5)
        let other = try PlantedErrors.plant(clean, path: "a", fraction: 0.1, seed: 6)
        XCTAssertEqual(first, second)
        XCTAssertNotEqual(first.key.map(\.id), other.key.map(\.id))
        XCTAssertEqual(try PlantedErrors.parseKey(PlantedErrors.keyCSV(first.key), path: "k"), first.key)
        // Untouched lines are byte-identical; train records are never touched.
        let before = clean.split(separator: "\n"), after = first.recordsText.split(separator: "\n")
        XCTAssertEqual(before.count, after.count)
        let changed = zip(before, after).filter { $0 != $1 }.count
        XCTAssertEqual(changed, first.key.count)
        XCTAssertTrue(first.key.allSatisfy { plant in clean.contains("\"id\":\"\(plant.id)\"") })
        XCTAssertThrowsError(try PlantedErrors.plant(clean, path: "a", fraction: 0.9, seed: 1))
        XCTAssertThrowsError(try PlantedErrors.parseKey("id,corruption,partner,original,corrupted\nx,typo,,A,B\n", path: "k.csv")) {
            XCTAssertEqual($0 as? ReviewError, .invalidLine(path: "k.csv", line: 2, field: "corruption", reason: "unknown \"typo\""))
        }
    }

    func testSingleRecordKindsChangeTheTargetAsDescribed() throws {
        let text = """
            {"id":"a","composition":"La0.6Ca0.15Ba0.2MnO3","split":"test","precursors":["MnO2","CaCO3","La2O3","BaCO3"],"actions":[]}
            {"id":"b","composition":"LiCoO2","split":"test","precursors":["Li2CO3","CoO"],"actions":[]}
            {"id":"c","composition":"NaFeO2","split":"test","precursors":["Na2CO3","FeO"],"actions":[]}
            """
        var seen: Set<PlantedErrors.Corruption> = []
        for seed in UInt64(0)..<40 {
            let outcome = try PlantedErrors.plant(text, path: "t", fraction: 0.34, seed: seed)
            for plant in outcome.key {
                seen.insert(plant.corruption)
                let original = try Composition(formula: plant.original), corrupted = try Composition(formula: plant.corrupted)
                switch plant.corruption {
                case .dotMisparse:
                    XCTAssertTrue(Set(corrupted.elements).isStrictSubset(of: Set(original.elements)), "\(plant)")
                    XCTAssertFalse(corrupted.elements.contains { $0.symbol == "O" }, "the anion part is lost: \(plant)")
                case .wrongElement:
                    XCTAssertEqual(corrupted.elementCount, original.elementCount)
                    let added = Set(corrupted.elements).subtracting(original.elements)
                    let removed = Set(original.elements).subtracting(corrupted.elements)
                    XCTAssertEqual(added.count, 1)
                    XCTAssertEqual(removed.count, 1)
                    if let a = added.first, let r = removed.first { XCTAssertEqual(abs(Int(a.z) - Int(r.z)), 1, "\(plant)") }
                case .scaledAmount:
                    XCTAssertEqual(Set(corrupted.elements), Set(original.elements))
                    let scaled = original.entries.filter { entry in
                        corrupted.entries.first { $0.z == entry.z }.map { abs($0.amount - entry.amount * 3) < 1e-9 } == true
                    }
                    XCTAssertEqual(scaled.count, 1, "one amount ×3, the rest unchanged: \(plant)")
                case .droppedElement:
                    XCTAssertEqual(corrupted.elementCount, original.elementCount - 1)
                    XCTAssertTrue(Set(corrupted.elements).isStrictSubset(of: Set(original.elements)), "\(plant)")
                    XCTAssertTrue(corrupted.elements.contains { $0.symbol == "O" }, "O is never the dropped element: \(plant)")
                    XCTAssertTrue(corrupted.entries.allSatisfy { entry in original.entries.contains { $0.z == entry.z && $0.amount == entry.amount } })
                case .swappedTarget:
                    XCTAssertNotEqual(plant.partner, "")
                case .celsiusAsKelvin, .decimalShift, .swappedValue, .formulaDigitDropped:
                    XCTFail("a property kind in a reaction release: \(plant)")
                }
            }
        }
        XCTAssertEqual(seen, [.dotMisparse, .wrongElement, .scaledAmount, .droppedElement])
    }
}
