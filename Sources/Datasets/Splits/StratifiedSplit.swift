/// Stratified split: quantile bins of the target, exact train / validation / test quotas inside
/// every bin, records inside a bin ordered by their stable draw.
enum StratifiedSplit {
    static func assign(_ outcome: inout Splitter.Outcome, bins: Int, fractions: SplitFractions, seed: UInt64) {
        let records = outcome.records
        let byTarget = records.indices.sorted {
            records[$0].target != records[$1].target ? records[$0].target < records[$1].target : records[$0].id < records[$1].id
        }
        let binCount = max(1, min(bins, records.count))
        var members = [[Int]](repeating: [], count: binCount)
        for (rank, index) in byTarget.enumerated() { members[rank * binCount / max(1, records.count)].append(index) }
        let draws = records.map { StableUniform.draw(seed: seed, purpose: "split", key: $0.id) }
        var edges: [String] = []
        for bin in members where !bin.isEmpty {
            if let first = bin.first { edges.append(CSVText.number(records[first].target)) }
            let ordered = bin.sorted { draws[$0] != draws[$1] ? draws[$0] < draws[$1] : records[$0].id < records[$1].id }
            let trainCount = Int((Double(ordered.count) * fractions.train).rounded())
            let validationEnd = Int((Double(ordered.count) * (fractions.train + fractions.validation)).rounded())
            for (position, index) in ordered.enumerated() {
                outcome.records[index].split = position < trainCount ? "train" : position < validationEnd ? "validation" : "test"
            }
        }
        outcome.notes["bin_lower_edges"] = edges.joined(separator: ",")
    }
}

/// Chemical-system holdout (TAATA style): group records by formula prototype; inside every
/// prototype with two or more chemical systems, a seeded choice of systems goes to test.
/// With explicit `systems`, exactly those systems are test.
enum ChemicalSystemHoldout {
    static func assign(_ outcome: inout Splitter.Outcome, systems: [String]?, fractions: SplitFractions, seed: UInt64) {
        var testPairs = Set<String>()
        if let systems {
            let held = Set(systems)
            Splitter.holdout(&outcome, fractions: fractions, seed: seed, validationKey: { $0.prototype + "|" + $0.chemicalSystem }) {
                held.contains($0.chemicalSystem)
            }
            outcome.notes["held_out_systems"] = held.sorted().joined(separator: ",")
            return
        }
        var systemsByPrototype: [String: Set<String>] = [:]
        for record in outcome.records { systemsByPrototype[record.prototype, default: []].insert(record.chemicalSystem) }
        var prototypesWithHoldout = 0
        for (prototype, present) in systemsByPrototype where present.count >= 2 {
            let ordered = present.sorted {
                StableUniform.draw(seed: seed, purpose: "system", key: prototype + "|" + $0)
                    < StableUniform.draw(seed: seed, purpose: "system", key: prototype + "|" + $1)
            }
            let count = min(present.count - 1, max(1, Int((Double(present.count) * fractions.test).rounded())))
            for system in ordered.prefix(count) { testPairs.insert(prototype + "|" + system) }
            prototypesWithHoldout += 1
        }
        Splitter.holdout(&outcome, fractions: fractions, seed: seed, validationKey: { $0.prototype + "|" + $0.chemicalSystem }) {
            testPairs.contains($0.prototype + "|" + $0.chemicalSystem)
        }
        outcome.notes["prototypes_with_holdout"] = String(prototypesWithHoldout)
        outcome.notes["held_out_prototype_systems"] = String(testPairs.count)
    }
}

/// Holdout on a record attribute: space group, WBM batch, publication year or any field the
/// ingesters kept. Records without the attribute cannot be placed and are left out.
enum AttributeHoldout {
    static func assign(_ outcome: inout Splitter.Outcome, selection: AttributeSelection, field: String, strategy: String,
                       fractions: SplitFractions, seed: UInt64) {
        let held = Set(selection.values ?? [])
        var placed: [DatasetRecord] = []
        for record in outcome.records {
            if let values = record.attributeValues, !values.isEmpty {
                placed.append(record)
            } else {
                outcome.unplaced.append((record, "no \(field) for this record, so the \(strategy) split cannot place it"))
            }
        }
        outcome.records = placed
        Splitter.holdout(&outcome, fractions: fractions, seed: seed) { record in
            let values = record.attributeValues ?? []
            if let minimum = selection.min {
                let numbers = values.compactMap(Double.init)
                return (numbers.min() ?? -.infinity) >= minimum
            }
            return !held.isDisjoint(with: values)
        }
        outcome.notes["field"] = field
    }
}
