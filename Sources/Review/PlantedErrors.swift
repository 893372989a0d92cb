import Chemistry
import Foundation
import Learning
import Models

/// Plants realistic errors in a reaction release's held-out records, before any prediction, so
/// that flagging can be scored against a known answer key.
///
/// Corruptions, applied in turn to records drawn at random (seeded) from the chosen split:
/// - `swapped_target`: two reactions exchange targets (both are corrupted);
/// - `dot_misparse`: the target is split in two at a dot the parser missed and only the first
///   part is kept (elements in formula order, the first half), as `La0.6Ca0.15·0.05Ba0.2MnO3`
///   became `La0.6Ca0.15`;
/// - `wrong_element`: one target element is replaced by a neighbour in the periodic table
///   (atomic number ± 1, not a noble gas) that the target does not already hold, as a mis-read
///   symbol would;
/// - `scaled_amount`: one target element's amount multiplied by 3, as a misread subscript
///   (`LiFeO2` read as `LiFeO6`); scaling the whole formula would leave the normalised target as it was;
/// - `dropped_element`: one element other than O left out of the target, as a lost dopant.
///
/// Property releases (Tc, formation energy, …) get their own kinds, planted by
/// `PlantedPropertyErrors`: `celsius_as_kelvin`, `decimal_shift`, `swapped_value`,
/// `formula_digit_dropped`.
///
/// Only the target fields change (`composition`, `canonical_key`, `chemical_system`,
/// `target_elements`, `target_fractions`); ids, precursors and actions stay, so the corrupted
/// release loads exactly like the original and predictions line up by id.
public enum PlantedErrors {
    /// A kind of planted error.
    public enum Corruption: String, Sendable, Codable, CaseIterable {
        case swappedTarget = "swapped_target"
        case dotMisparse = "dot_misparse"
        case wrongElement = "wrong_element"
        case scaledAmount = "scaled_amount"
        case droppedElement = "dropped_element"
        case celsiusAsKelvin = "celsius_as_kelvin"
        case decimalShift = "decimal_shift"
        case swappedValue = "swapped_value"
        case formulaDigitDropped = "formula_digit_dropped"

        /// The kinds planted in a reaction release's targets, in the order they take turns.
        public static let reactionKinds: [Corruption] = [.swappedTarget, .dotMisparse, .wrongElement, .scaledAmount, .droppedElement]
        /// The kinds planted in a property release's values and formulas, in the order they take turns.
        public static let propertyKinds: [Corruption] = [.celsiusAsKelvin, .decimalShift, .swappedValue, .formulaDigitDropped]
    }

    /// One line of the answer key.
    public struct Plant: Sendable, Equatable, Codable {
        public var id: String
        public var corruption: Corruption
        /// The other reaction of a swap.
        public var partner: String
        public var original: String
        public var corrupted: String
    }

    /// The corrupted records text and its answer key.
    public struct Outcome: Sendable, Equatable {
        public var recordsText: String
        public var key: [Plant]
        /// Records of the split that could have been corrupted.
        public var eligible: Int
    }

    /// Corrupts `fraction` of the `split` records of JSON-lines `text` (a release's `records.jsonl`).
    public static func plant(_ text: String, path: String, fraction: Double, seed: UInt64, split: String = "test") throws(ReviewError) -> Outcome {
        guard fraction > 0, fraction <= 0.5 else { throw .invalidArgument(name: "fraction", reason: "\(fraction) is not in (0, 0.5]") }
        var records = try PlantableRecords(text, path: path)
        let eligible = records.indices.filter { index in
            records.objects[index]?["split"] as? String == split
                && (records.objects[index]?["composition"] as? String).map { (try? Composition(formula: $0)) != nil } == true
        }
        guard !eligible.isEmpty else { throw .empty(what: "\(path) has no readable \(split) records") }
        let wanted = max(1, Int((Double(eligible.count) * fraction).rounded()))
        var generator = SeededGenerator(seed: seed)
        let pool = DataSplit.shuffled(eligible, generator: &generator)
        var key: [Plant] = []
        var used = Set<Int>()
        let kinds = Corruption.reactionKinds
        var turn = Int(generator.next() % UInt64(kinds.count))
        var cursor = 0
        func composition(_ index: Int) -> Composition? {
            (records.objects[index]?["composition"] as? String).flatMap { try? Composition(formula: $0) }
        }
        func id(_ index: Int) -> String { records.id(index) }
        func set(_ index: Int, _ target: Composition) {
            let amounts = target.alphabeticalAmounts
            let total = amounts.reduce(0) { $0 + $1.amount }
            records.update(index) { object in
                object["composition"] = target.reducedFormula
                object["canonical_key"] = target.canonicalKey()
                object["chemical_system"] = target.chemicalSystem
                object["target_elements"] = amounts.map(\.symbol)
                object["target_fractions"] = amounts.map { $0.amount / total }
            }
        }
        var attempts = 0
        while key.count < wanted, cursor < pool.count, attempts < pool.count * 3 {
            attempts += 1
            let kind = kinds[turn % kinds.count]
            let index = pool[cursor]
            guard !used.contains(index), let original = composition(index) else { cursor += 1; continue }
            switch kind {
            case .swappedTarget:
                guard wanted - key.count >= 2,
                      let partner = pool[(cursor + 1)...].first(where: { other in
                          !used.contains(other) && composition(other).map { Set($0.elements) != Set(original.elements) } == true
                      }), let partnerTarget = composition(partner) else { turn += 1; continue }
                set(index, partnerTarget)
                set(partner, original)
                used.formUnion([index, partner])
                key.append(Plant(id: id(index), corruption: kind, partner: id(partner), original: original.reducedFormula,
                                 corrupted: partnerTarget.reducedFormula))
                key.append(Plant(id: id(partner), corruption: kind, partner: id(index), original: partnerTarget.reducedFormula,
                                 corrupted: original.reducedFormula))
            case .dotMisparse:
                let ordered = original.entriesByElectronegativity
                guard ordered.count >= 2,
                      let kept = try? Composition(ordered.prefix(ordered.count / 2).map { ($0.element, $0.amount) }) else {
                    turn += 1; continue
                }
                set(index, kept)
                used.insert(index)
                key.append(Plant(id: id(index), corruption: kind, partner: "", original: original.reducedFormula, corrupted: kept.reducedFormula))
            case .wrongElement:
                let present = Set(original.entries.map { Int($0.z) })
                let candidates = original.entries.filter { $0.z != 8 }.isEmpty ? original.entries : original.entries.filter { $0.z != 8 }
                let victim = candidates[Int(generator.next() % UInt64(candidates.count))]
                let options = [Int(victim.z) - 1, Int(victim.z) + 1].filter { $0 >= 1 && $0 <= 94 && !nobleGases.contains($0) && !present.contains($0) }
                guard let replacement = options.first.flatMap({ PeriodicTable.element(z: $0) }),
                      let changed = try? Composition(original.entries.map { ($0.z == victim.z ? replacement : $0.element, $0.amount) }) else {
                    turn += 1; continue
                }
                set(index, changed)
                used.insert(index)
                key.append(Plant(id: id(index), corruption: kind, partner: "", original: original.reducedFormula, corrupted: changed.reducedFormula))
            case .scaledAmount:
                let entries = original.entries
                guard entries.count >= 2 else { turn += 1; continue }
                let victim = entries[Int(generator.next() % UInt64(entries.count))]
                guard let changed = try? Composition(entries.map { ($0.element, $0.z == victim.z ? $0.amount * 3 : $0.amount) }) else {
                    turn += 1; continue
                }
                set(index, changed)
                used.insert(index)
                key.append(Plant(id: id(index), corruption: kind, partner: "", original: original.reducedFormula, corrupted: changed.reducedFormula))
            case .droppedElement:
                let candidates = original.entries.filter { $0.z != 8 }
                guard original.entries.count >= 2, !candidates.isEmpty else { turn += 1; continue }
                let victim = candidates[Int(generator.next() % UInt64(candidates.count))]
                guard let changed = try? Composition(original.entries.filter { $0.z != victim.z }.map { ($0.element, $0.amount) }) else {
                    turn += 1; continue
                }
                set(index, changed)
                used.insert(index)
                key.append(Plant(id: id(index), corruption: kind, partner: "", original: original.reducedFormula, corrupted: changed.reducedFormula))
            case .celsiusAsKelvin, .decimalShift, .swappedValue, .formulaDigitDropped:
                turn += 1; continue
            }
            turn += 1
            cursor += 1
        }
        return Outcome(recordsText: records.text, key: key, eligible: eligible.count)
    }

    /// Atomic numbers of the noble gases, never substituted in (no text-mined solid holds them).
    static let nobleGases: Set<Int> = [2, 10, 18, 36, 54, 86]

    /// `planted.csv`: `id,corruption,partner,original,corrupted`.
    public static func keyCSV(_ key: [Plant]) -> String {
        var text = "id,corruption,partner,original,corrupted\n"
        for plant in key {
            text += [plant.id, plant.corruption.rawValue, plant.partner, plant.original, plant.corrupted].joined(separator: ",") + "\n"
        }
        return text
    }

    /// Reads `planted.csv` back.
    public static func parseKey(_ text: String, path: String) throws(ReviewError) -> [Plant] {
        var plants: [Plant] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index > 0 && !line.isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5 else {
                throw .invalidLine(path: path, line: index + 1, field: "(line)", reason: "\(fields.count) fields, expected 5")
            }
            guard let corruption = Corruption(rawValue: fields[1]) else {
                throw .invalidLine(path: path, line: index + 1, field: "corruption", reason: "unknown \"\(fields[1])\"")
            }
            plants.append(Plant(id: fields[0], corruption: corruption, partner: fields[2], original: fields[3], corrupted: fields[4]))
        }
        guard !plants.isEmpty else { throw .empty(what: "\(path) lists no planted errors") }
        return plants
    }
}
