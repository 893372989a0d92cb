import Chemistry
import Foundation
import Models
import XCTest
@testable import Review

/// Planted errors in a property release and the property queue's signals.
final class PlantedPropertyErrorTests: XCTestCase {
    private let formulas = ["YBa2Cu3O7", "Nb3Sn", "La1.85Sr0.15CuO4", "MgB2", "Bi2Sr2CaCu2O8", "NbTi", "LaFeAsO0.9F0.1", "V3Si", "PbMo6S8", "Hg1Ba2Ca2Cu3O8"]

    /// A property release's records.jsonl: 200 records, every fifth in train, a few not superconducting.
    private func release() -> String {
        (0..<200).map { index -> String in
            let formula = formulas[index % formulas.count] + (index < 10 ? "" : "Zn0.\(index)")
            let split = index % 5 == 0 ? "train" : "test"
            let qualifier = index % 17 == 0 ? "not_superconducting" : index % 2 == 0 ? "exact" : "aggregate"
            let value = qualifier == "not_superconducting" ? 0 : Double(10 + (index * 37) % 90) + 0.25
            return "{\"canonical_key\":\"k\(index)\",\"composition\":\"\(formula)\",\"flagged\":\(index == 3),\"id\":\"r\(String(format: "%03d", index))\","
                + "\"qualifier\":\"\(qualifier)\",\"split\":\"\(split)\",\"target\":\(value)}"
        }.joined(separator: "\n")
    }

    private func object(_ line: Substring) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    func testPlantsEveryKindAsDescribedAndLeavesTheRestByteIdentical() throws {
        let text = release()
        let planted = try PlantedPropertyErrors.plant(text, path: "records.jsonl", fraction: 0.1, seed: 3)
        XCTAssertEqual(try PlantedPropertyErrors.plant(text, path: "records.jsonl", fraction: 0.1, seed: 3), planted)
        XCTAssertEqual(planted.eligible, 160 - (0..<200).filter { $0 % 5 != 0 && $0 % 17 == 0 }.count)
        XCTAssertEqual(planted.key.count, Int((Double(planted.eligible) * 0.1).rounded()))
        XCTAssertEqual(Set(planted.key.map(\.corruption)), Set(PlantedErrors.Corruption.propertyKinds))
        XCTAssertEqual(try PlantedErrors.parseKey(PlantedErrors.keyCSV(planted.key), path: "k"), planted.key)
        let before = text.split(separator: "\n"), after = planted.recordsText.split(separator: "\n")
        XCTAssertEqual(before.count, after.count)
        XCTAssertEqual(zip(before, after).filter { $0 != $1 }.count, planted.key.count)
        let originals = try Dictionary(uniqueKeysWithValues: before.map { line in let o = try object(line); return (o["id"] as? String ?? "", o) })
        let corrupted = try Dictionary(uniqueKeysWithValues: after.map { line in let o = try object(line); return (o["id"] as? String ?? "", o) })
        for plant in planted.key {
            let old = try XCTUnwrap(originals[plant.id]), new = try XCTUnwrap(corrupted[plant.id])
            XCTAssertEqual(old["split"] as? String, "test")
            let oldValue = try XCTUnwrap(old["target"] as? Double), newValue = try XCTUnwrap(new["target"] as? Double)
            switch plant.corruption {
            case .celsiusAsKelvin:
                XCTAssertEqual(newValue, oldValue - 273.15, accuracy: 1e-6)
            case .decimalShift:
                XCTAssertTrue(abs(newValue - oldValue * 10) < 1e-6 || abs(newValue - oldValue / 10) < 1e-6, "\(plant)")
            case .swappedValue:
                let partner = try XCTUnwrap(originals[plant.partner])
                XCTAssertEqual(newValue, partner["target"] as? Double)
                XCTAssertNotEqual(newValue, oldValue)
            case .formulaDigitDropped:
                XCTAssertEqual(newValue, oldValue)
                let oldFormula = try XCTUnwrap(old["composition"] as? String), newFormula = try XCTUnwrap(new["composition"] as? String)
                XCTAssertEqual(newFormula.count, oldFormula.count - 1)
                XCTAssertEqual(plant.corrupted, newFormula)
                let a = try Composition(formula: oldFormula), b = try Composition(formula: newFormula)
                XCTAssertEqual(Set(a.elements.map(\.z)), Set(b.elements.map(\.z)))
                XCTAssertNotEqual(a.canonicalKey(), b.canonicalKey())
                XCTAssertEqual(new["canonical_key"] as? String, b.canonicalKey())
            default:
                XCTFail("a reaction kind in a property release: \(plant)")
            }
        }
        XCTAssertThrowsError(try PlantedPropertyErrors.plant(text, path: "records.jsonl", fraction: 0.6, seed: 1))
        XCTAssertThrowsError(try PlantedPropertyErrors.plant("{\"id\":\"x\"}", path: "r.jsonl", fraction: 0.1, seed: 1)) {
            XCTAssertEqual($0 as? ReviewError, .invalidLine(path: "r.jsonl", line: 1, field: "composition", reason: "missing"))
        }
    }

    /// A model that predicts the clean values exactly (σ = 2) finds every value corruption far
    /// above the clean records; the range rule fires on the °C values; a reaction release is refused.
    func testQueueSignalsOnPlantedErrors() throws {
        let text = release()
        let planted = try PlantedPropertyErrors.plant(text, path: "records.jsonl", fraction: 0.1, seed: 3)
        let clean = try PropertyQueueSignals.records(text, path: "clean.jsonl")
        let records = try PropertyQueueSignals.records(planted.recordsText, path: "planted.jsonl").filter { $0.split == "test" }
        let truth = Dictionary(uniqueKeysWithValues: clean.map { ($0.id, $0.target ?? 0) })
        let predictions = records.map { record -> EnsemblePrediction? in
            EnsemblePrediction(memberMeans: [truth[record.id] ?? 0], memberStandardDeviations: [2])
        }
        let signals = try PropertyQueueSignals.signals(records, predictions: predictions, property: "tc", range: 0...300)
        XCTAssertEqual(signals.map(\.name), ["model:tc", "rule:value_range", "rule:charge_neutrality", "curation:spread"])
        // The range rule fires on every °C value (below 0) and on the ×10 shifts that land above 300.
        let outOfRange = Set(planted.key.filter { plant in
            plant.corruption == .celsiusAsKelvin || (plant.corruption == .decimalShift && (Double(plant.corrupted) ?? 0) > 300)
        }.map(\.id))
        XCTAssertTrue(planted.key.contains { $0.corruption == .decimalShift && (Double($0.corrupted) ?? 0) > 300 })
        XCTAssertEqual(Set(signals[1].scores.keys), outOfRange)
        XCTAssertEqual(Set(signals[3].scores.keys), ["r003"])
        let queue = try ReviewQueue.rank(population: records.map(\.id), signals: signals, keeping: ["model:tc", "rule:value_range"])
        let valueKinds = planted.key.filter { $0.corruption != .formulaDigitDropped }
        XCTAssertEqual(Set(queue.prefix(valueKinds.count).map(\.subject)), Set(valueKinds.map(\.id)), "\(planted.key)")
        XCTAssertThrowsError(try PropertyQueueSignals.records("{\"id\":\"x\",\"composition\":\"NaCl\",\"precursors\":[]}", path: "r.jsonl"))
        XCTAssertThrowsError(try PropertyQueueSignals.signals(records, predictions: [], property: "tc", range: nil))
    }
}
