/// A split strategy with its typed parameters, one case per strategy:
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
/// Every strategy but the k-folds also takes `fractions` (default 0.8 / 0.1 / 0.1); for the
/// holdouts `validation` is the share of the non-test records drawn as validation. Optional
/// parameters stay `nil` when the spec leaves them out, so a spec encodes back to the JSON it
/// was read from. The JSON form is the spec's flat `split` object (see `SplitStrategy+Codable`).
///
/// Hash-based assignment: a record's split depends only on the seed and its group key, never on
/// the other records, so versions of a dataset differ exactly where their records differ.
public enum SplitStrategy: Sendable, Equatable {
    /// Each record drawn by its id.
    case random(fractions: SplitFractions?)
    /// Quantile bins of the target (default 10), each split by the fractions.
    case stratified(bins: Int?, fractions: SplitFractions?)
    /// Records sharing the key stay in one split.
    case grouped(by: GroupField, fractions: SplitFractions?)
    /// Chemical systems held out: the listed ones, else a share of each prototype's systems.
    case chemicalSystem(systems: [String]?, fractions: SplitFractions?)
    /// k-means clusters of the composition descriptors: the listed clusters held out, else one fold per cluster.
    case cluster(k: Int, holdoutClusters: [Int]?, fractions: SplitFractions?)
    /// Records containing any of the elements are test.
    case element(elements: [String], fractions: SplitFractions?)
    /// Space-group holdout (field default `space_group`).
    case spaceGroup(AttributeSelection, fractions: SplitFractions?)
    /// WBM substitution-round holdout (field default `batch`).
    case batch(AttributeSelection, fractions: SplitFractions?)
    /// Time split (field default `year`), usually with `min`.
    case time(AttributeSelection, fractions: SplitFractions?)
    /// Holdout on any record attribute; `field` is required.
    case attribute(AttributeSelection, fractions: SplitFractions?)
    /// `k` folds.
    case kfold(k: Int)
    /// `k` outer folds with `innerK` inner folds in each.
    case nestedKfold(k: Int, innerK: Int)

    /// The key a grouped split keeps in one split.
    public enum GroupField: String, Sendable, Equatable, CaseIterable {
        case composition
        case chemicalSystem = "chemical_system"
        case prototype
    }

    /// Every strategy name, as specs write them.
    public static let names: Set<String> = [
        "random", "stratified", "grouped", "chemical_system", "cluster", "element",
        "space_group", "batch", "time", "attribute", "kfold", "nested_kfold",
    ]

    /// The strategy's name in the spec, e.g. `chemical_system`.
    public var name: String {
        switch self {
        case .random: "random"
        case .stratified: "stratified"
        case .grouped: "grouped"
        case .chemicalSystem: "chemical_system"
        case .cluster: "cluster"
        case .element: "element"
        case .spaceGroup: "space_group"
        case .batch: "batch"
        case .time: "time"
        case .attribute: "attribute"
        case .kfold: "kfold"
        case .nestedKfold: "nested_kfold"
        }
    }

    /// The fractions the spec gave (`nil`: not given, or a k-fold strategy).
    public var fractions: SplitFractions? {
        switch self {
        case .random(let fractions), .stratified(_, let fractions), .grouped(_, let fractions),
             .chemicalSystem(_, let fractions), .cluster(_, _, let fractions), .element(_, let fractions),
             .spaceGroup(_, let fractions), .batch(_, let fractions), .time(_, let fractions), .attribute(_, let fractions):
            fractions
        case .kfold, .nestedKfold:
            nil
        }
    }

    /// The fractions in force (default 0.8 / 0.1 / 0.1 where fractions apply).
    public var effectiveFractions: SplitFractions { fractions ?? SplitFractions(train: 0.8, validation: 0.1, test: 0.1) }

    /// The attribute an attribute holdout reads and what it holds out; `nil` for other strategies.
    public var attributeSelection: AttributeSelection? {
        switch self {
        case .spaceGroup(let selection, _), .batch(let selection, _), .time(let selection, _), .attribute(let selection, _):
            selection
        default:
            nil
        }
    }

    /// The record attribute an attribute holdout reads (`field`, else the strategy's default:
    /// `space_group`, `batch`, `year`); `nil` for other strategies.
    public var attributeField: String? {
        guard let selection = attributeSelection else { return nil }
        return selection.field ?? Self.defaultFields[name]
    }

    /// Default attribute field of the attribute-holdout aliases.
    static let defaultFields = ["space_group": "space_group", "batch": "batch", "time": "year"]
}
