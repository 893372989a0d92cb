import Chemistry
import Foundation
import Learning
import Models

/// Plants realistic errors in a property release's held-out records (SuperCon Tc, formation
/// energies, …), before any prediction, so that the review queue can be scored against a known
/// answer key.
///
/// Corruptions, taking turns over records drawn at random (seeded) from the chosen split's
/// measured records (`qualifier` `exact` or `aggregate`, a finite value above 0):
/// - `celsius_as_kelvin`: a value reported in °C read as kelvin (93 K written as −180.15 °C is
///   stored as −180.15);
/// - `decimal_shift`: the decimal point moved one place (×10 or ÷10, alternately);
/// - `swapped_value`: two records exchange values (both are corrupted; their values differ);
/// - `formula_digit_dropped`: one digit deleted from the formula as written (`YBa2Cu3O7` →
///   `YBaCu3O7`), keeping only deletions that still parse, keep every element and change the
///   composition.
///
/// Only `target` (values) or `composition` and `canonical_key` (formulas) change; ids, splits
/// and every other field stay, so predictions line up by id. Untouched lines are byte-identical.
public enum PlantedPropertyErrors {
    /// Corrupts `fraction` of the `split`'s measured records of JSON-lines `text` (a property
    /// release's `records.jsonl`).
    public static func plant(_ text: String, path: String, fraction: Double, seed: UInt64,
                             split: String = "test") throws(ReviewError) -> PlantedErrors.Outcome {
        guard fraction > 0, fraction <= 0.5 else { throw .invalidArgument(name: "fraction", reason: "\(fraction) is not in (0, 0.5]") }
        var records = try PlantableRecords(text, path: path)
        let eligible = records.indices.filter { index in
            guard let object = records.objects[index], object["split"] as? String == split,
                  ["exact", "aggregate"].contains(object["qualifier"] as? String ?? ""),
                  let value = (object["target"] as? NSNumber)?.doubleValue, value.isFinite, value > 0,
                  let formula = object["composition"] as? String else { return false }
            return (try? Composition(formula: formula)) != nil
        }
        guard !eligible.isEmpty else { throw .empty(what: "\(path) has no measured \(split) records with a value above 0") }
        let wanted = max(1, Int((Double(eligible.count) * fraction).rounded()))
        var generator = SeededGenerator(seed: seed)
        let pool = DataSplit.shuffled(eligible, generator: &generator)
        let kinds = PlantedErrors.Corruption.propertyKinds
        var turn = Int(generator.next() % UInt64(kinds.count))
        var key: [PlantedErrors.Plant] = []
        var used = Set<Int>()
        var shiftUp = true
        func id(_ index: Int) -> String { records.id(index) }
        func value(_ index: Int) -> Double { (records.objects[index]?["target"] as? NSNumber)?.doubleValue ?? .nan }
        func formula(_ index: Int) -> String { records.objects[index]?["composition"] as? String ?? "" }
        func plantValue(_ index: Int, _ kind: PlantedErrors.Corruption, _ corrupted: Double, partner: String = "") {
            let original = value(index)
            records.update(index) { $0["target"] = corrupted }
            used.insert(index)
            key.append(.init(id: id(index), corruption: kind, partner: partner, original: written(original), corrupted: written(corrupted)))
        }
        var cursor = 0
        var attempts = 0
        while key.count < wanted, cursor < pool.count, attempts < pool.count * 3 {
            attempts += 1
            let kind = kinds[turn % kinds.count]
            let index = pool[cursor]
            guard !used.contains(index) else { cursor += 1; continue }
            let original = value(index)
            switch kind {
            case .celsiusAsKelvin:
                plantValue(index, kind, rounded(original - 273.15))
            case .decimalShift:
                plantValue(index, kind, rounded(shiftUp ? original * 10 : original / 10))
                shiftUp.toggle()
            case .swappedValue:
                guard wanted - key.count >= 2,
                      let partner = pool[(cursor + 1)...].first(where: { !used.contains($0) && value($0) != original }) else {
                    turn += 1; continue
                }
                let other = value(partner)
                plantValue(index, kind, other, partner: id(partner))
                plantValue(partner, kind, original, partner: id(index))
            case .formulaDigitDropped:
                guard let (dropped, composition) = digitDropped(formula(index), choosing: &generator) else { turn += 1; continue }
                let before = formula(index)
                records.update(index) {
                    $0["composition"] = dropped
                    $0["canonical_key"] = composition.canonicalKey()
                }
                used.insert(index)
                key.append(.init(id: id(index), corruption: kind, partner: "", original: before, corrupted: dropped))
            case .swappedTarget, .dotMisparse, .wrongElement, .scaledAmount, .droppedElement:
                turn += 1; continue
            }
            turn += 1
            cursor += 1
        }
        return PlantedErrors.Outcome(recordsText: records.text, key: key, eligible: eligible.count)
    }

    /// The formula with one digit deleted, tried at random positions, when one deletion parses,
    /// keeps every element and changes the composition.
    static func digitDropped(_ formula: String, choosing generator: inout SeededGenerator) -> (String, Composition)? {
        guard let original = try? Composition(formula: formula) else { return nil }
        let characters = Array(formula)
        var positions = characters.indices.filter { characters[$0].isASCII && characters[$0].isNumber }
        for i in stride(from: positions.count - 1, to: 0, by: -1) {
            positions.swapAt(i, Int(generator.next() % UInt64(i + 1)))
        }
        for position in positions {
            var changed = characters
            changed.remove(at: position)
            let candidate = String(changed)
            guard let composition = try? Composition(formula: candidate),
                  Set(composition.elements.map(\.z)) == Set(original.elements.map(\.z)),
                  composition.canonicalKey() != original.canonicalKey() else { continue }
            return (candidate, composition)
        }
        return nil
    }

    /// Rounds a planted value to 6 decimals, so the key and the records print the same number.
    static func rounded(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }

    /// A value as written in the answer key.
    static func written(_ value: Double) -> String { String(describing: value) }
}
