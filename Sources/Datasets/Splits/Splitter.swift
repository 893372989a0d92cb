/// Assigns split labels to records according to a ``SplitStrategy``.
public enum Splitter {
    /// Records after splitting, plus the records the split could not place.
    public struct Outcome: Sendable {
        /// Records with `split` (and `innerFold`) set, in the input order.
        public var records: [DatasetRecord]
        /// Records left out (e.g. no value for the attribute a holdout splits on), with why.
        public var unplaced: [(record: DatasetRecord, reason: String)]
        /// Facts about the split worth recording (held-out systems, cluster sizes, bin edges).
        public var notes: [String: String]
    }

    /// Splits `records` (sorted by canonical key) with `strategy` and `seed`.
    public static func split(_ records: [DatasetRecord], spec strategy: SplitStrategy, seed: UInt64) -> Outcome {
        let fractions = strategy.effectiveFractions
        var outcome = Outcome(records: records, unplaced: [], notes: [:])
        switch strategy {
        case .random, .grouped:
            for index in outcome.records.indices {
                outcome.records[index].split = recordLabel(records[index], strategy: strategy, seed: seed)?.split ?? ""
            }
        case .stratified(let bins, _):
            StratifiedSplit.assign(&outcome, bins: bins ?? 10, fractions: fractions, seed: seed)
        case .chemicalSystem(let systems, _):
            ChemicalSystemHoldout.assign(&outcome, systems: systems, fractions: fractions, seed: seed)
        case .cluster(let k, let holdout, _):
            ClusterSplit.assign(&outcome, k: k, holdout: holdout, fractions: fractions, seed: seed)
        case .element(let elements, _):
            let held = Set(elements)
            holdout(&outcome, fractions: fractions, seed: seed) { !held.isDisjoint(with: $0.elements) }
            outcome.notes["held_out_elements"] = held.sorted().joined(separator: ",")
        case .kfold(let k):
            assignFolds(&outcome, k: k, innerK: nil, seed: seed)
        case .nestedKfold(let k, let innerK):
            assignFolds(&outcome, k: k, innerK: innerK, seed: seed)
        case .spaceGroup(let selection, _), .batch(let selection, _), .time(let selection, _), .attribute(let selection, _):
            AttributeHoldout.assign(&outcome, selection: selection, field: strategy.attributeField ?? "", strategy: strategy.name,
                                    fractions: fractions, seed: seed)
        }
        return outcome
    }

    /// `fold-i` for every record, plus its inner fold when `innerK` is given.
    static func assignFolds(_ outcome: inout Outcome, k: Int, innerK: Int?, seed: UInt64) {
        for index in outcome.records.indices {
            let (split, inner) = folds(of: outcome.records[index].id, k: k, innerK: innerK, seed: seed)
            outcome.records[index].split = split
            if innerK != nil { outcome.records[index].innerFold = inner }
        }
    }

    /// `fold-i` of one record id, and its inner fold when `innerK` is given.
    static func folds(of id: String, k: Int, innerK: Int?, seed: UInt64) -> (split: String, innerFold: Int?) {
        ("fold-\(bucket(StableUniform.draw(seed: seed, purpose: "fold", key: id), k))",
         innerK.map { bucket(StableUniform.draw(seed: seed, purpose: "inner-fold", key: id), $0) })
    }

    /// Whether `strategy` labels each record on its own (see ``recordLabel(_:strategy:seed:)``).
    public static func labelsEachRecordAlone(_ strategy: SplitStrategy) -> Bool {
        switch strategy {
        case .random, .grouped, .kfold, .nestedKfold: true
        default: false
        }
    }

    /// The split label (and inner fold) of one record when `strategy` decides each record on
    /// its own (random, grouped, k-fold, nested k-fold); nil for strategies that look at every
    /// record (stratified, holdouts, clusters). A streaming release uses this.
    public static func recordLabel(_ record: DatasetRecord, strategy: SplitStrategy, seed: UInt64) -> (split: String, innerFold: Int?)? {
        switch strategy {
        case .random:
            return (label(StableUniform.draw(seed: seed, purpose: "split", key: record.id), strategy.effectiveFractions), nil)
        case .grouped(let field, _):
            let key = GroupKey.of(record, by: field)
            return (label(StableUniform.draw(seed: seed, purpose: "split", key: key), strategy.effectiveFractions), nil)
        case .kfold(let k):
            return folds(of: record.id, k: k, innerK: nil, seed: seed)
        case .nestedKfold(let k, let innerK):
            return folds(of: record.id, k: k, innerK: innerK, seed: seed)
        default:
            return nil
        }
    }

    /// `train` below `fractions.train`, `validation` below train + validation, else `test`.
    static func label(_ u: Double, _ fractions: SplitFractions) -> String {
        if u < fractions.train { return "train" }
        if u < fractions.train + fractions.validation { return "validation" }
        return "test"
    }

    /// `min(k − 1, ⌊u·k⌋)`.
    static func bucket(_ u: Double, _ k: Int) -> Int { Swift.min(k - 1, Int(u * Double(k))) }

    /// Test where `isTest`; the rest is train, with a validation share of
    /// validation / (train + validation) drawn by record.
    static func holdout(_ outcome: inout Outcome, fractions: SplitFractions, seed: UInt64,
                        validationKey: (DatasetRecord) -> String = { $0.id }, isTest: (DatasetRecord) -> Bool) {
        let share = validationShare(fractions)
        for index in outcome.records.indices {
            let record = outcome.records[index]
            if isTest(record) {
                outcome.records[index].split = "test"
            } else {
                let u = StableUniform.draw(seed: seed, purpose: "validation", key: validationKey(record))
                outcome.records[index].split = u < share ? "validation" : "train"
            }
        }
    }

    /// The validation share of the non-test records.
    static func validationShare(_ fractions: SplitFractions) -> Double {
        let rest = fractions.train + fractions.validation
        return rest > 0 ? fractions.validation / rest : 0
    }
}

/// The key a grouped split keeps in one split.
enum GroupKey {
    static func of(_ record: DatasetRecord, by field: SplitStrategy.GroupField) -> String {
        switch field {
        case .chemicalSystem: record.chemicalSystem
        case .prototype: record.prototype
        case .composition: record.canonicalKey
        }
    }
}
