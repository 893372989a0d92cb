/// A split strategy and its parameters. Which parameters apply depends on `strategy`:
///
/// | strategy | parameters | labels |
/// |---|---|---|
/// | `random` | `fractions` | train / validation / test |
/// | `stratified` | `fractions`, `bins` (quantile bins of the target, default 10) | train / validation / test |
/// | `grouped` | `fractions`, `group_by` (`composition`, `chemical_system`, `prototype`) | train / validation / test |
/// | `chemical_system` | `systems` (explicit test systems) or `fractions.test` (share of each prototype's systems) | train / validation / test |
/// | `cluster` | `k`, `holdout_clusters` (test), else one fold per cluster | train / validation / test, or `cluster-i` |
/// | `element` | `elements` (records with any of them are test) | train / validation / test |
/// | `space_group`, `batch`, `time`, `attribute` | `field`, `values` or `min` | train / validation / test |
/// | `kfold` | `k` | `fold-i` |
/// | `nested_kfold` | `k`, `inner_k` | `fold-i`, plus an inner fold per record |
///
/// Hash-based assignment: a record's split depends only on the seed and its group key, never on
/// the other records, so versions of a dataset differ exactly where their records differ.
public struct SplitSpec: Sendable, Codable, Equatable {
    /// Strategy name (see the table above).
    public var strategy: String
    /// Target fractions (random, stratified, grouped); for holdout strategies `validation` is
    /// the share of the non-test records drawn as validation.
    public var fractions: SplitFractions?
    /// `grouped`: the key that may not be in two splits.
    public var groupBy: String?
    /// `stratified`: number of quantile bins of the target.
    public var bins: Int?
    /// `cluster`: number of k-means clusters; `kfold`, `nested_kfold`: number of folds.
    public var k: Int?
    /// `nested_kfold`: inner folds inside every outer training set.
    public var innerK: Int?
    /// `cluster`: clusters (0-based, numbered by decreasing size) held out as test.
    public var holdoutClusters: [Int]?
    /// `element`: element symbols held out.
    public var elements: [String]?
    /// `chemical_system`: chemical systems (`Cu-La-O`, elements alphabetical) held out.
    public var systems: [String]?
    /// Attribute holdouts: the record attribute (`space_group`, `batch`, `year`, or any
    /// metadata / conditions field).
    public var field: String?
    /// Attribute holdouts: attribute values held out as test.
    public var values: [String]?
    /// Attribute holdouts: numeric attribute values at or above this are test (time splits).
    public var min: Double?

    enum CodingKeys: String, CodingKey {
        case strategy, fractions, bins, k, elements, systems, field, values, min
        case groupBy = "group_by", innerK = "inner_k", holdoutClusters = "holdout_clusters"
    }

    /// Every strategy name.
    public static let strategies: Set<String> = [
        "random", "stratified", "grouped", "chemical_system", "cluster", "element",
        "space_group", "batch", "time", "attribute", "kfold", "nested_kfold",
    ]

    /// Default attribute field of the attribute-holdout aliases.
    static let defaultFields = ["space_group": "space_group", "batch": "batch", "time": "year"]

    /// The attribute field an attribute holdout reads.
    public var attributeField: String? { field ?? Self.defaultFields[strategy] }

    /// The fractions in force (default 0.8 / 0.1 / 0.1 where fractions apply).
    public var effectiveFractions: SplitFractions { fractions ?? SplitFractions(train: 0.8, validation: 0.1, test: 0.1) }

    func validate(path: String) throws {
        func fail(_ message: String) -> DatasetError { .spec(path: path, message: "split: " + message) }
        guard Self.strategies.contains(strategy) else {
            throw fail("unknown strategy \"\(strategy)\"; known: \(Self.strategies.sorted().joined(separator: ", "))")
        }
        if let fractions {
            let parts = [fractions.train, fractions.validation, fractions.test]
            guard parts.allSatisfy({ $0 >= 0 && $0 <= 1 }), abs(parts.reduce(0, +) - 1) < 1e-9 else {
                throw fail("fractions must be in [0, 1] and add up to 1, got \(parts)")
            }
        }
        switch strategy {
        case "stratified":
            if let bins, bins < 1 { throw fail("bins must be at least 1") }
        case "grouped":
            guard let groupBy, ["composition", "chemical_system", "prototype"].contains(groupBy) else {
                throw fail("grouped needs group_by: composition, chemical_system or prototype")
            }
        case "cluster":
            guard let k, k >= 2 else { throw fail("cluster needs k >= 2") }
            if let holdout = holdoutClusters, !holdout.allSatisfy({ $0 >= 0 && $0 < k }) {
                throw fail("holdout_clusters must lie in 0..<\(k)")
            }
        case "element":
            guard let elements, !elements.isEmpty else { throw fail("element needs elements") }
        case "space_group", "batch", "time", "attribute":
            guard attributeField != nil else { throw fail("\(strategy) needs field") }
            guard values?.isEmpty == false || min != nil else { throw fail("\(strategy) needs values or min") }
        case "kfold":
            guard let k, k >= 2 else { throw fail("kfold needs k >= 2") }
        case "nested_kfold":
            guard let k, k >= 2, let innerK, innerK >= 2 else { throw fail("nested_kfold needs k >= 2 and inner_k >= 2") }
        default:
            break
        }
    }
}

/// Train / validation / test fractions.
public struct SplitFractions: Sendable, Codable, Equatable {
    public var train: Double
    public var validation: Double
    public var test: Double

    /// Creates fractions (they should add up to 1).
    public init(train: Double, validation: Double, test: Double) {
        self.train = train
        self.validation = validation
        self.test = test
    }
}
