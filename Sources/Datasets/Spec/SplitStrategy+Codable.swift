/// The spec's JSON form of a split: one flat object, `{"strategy": "grouped", "group_by":
/// "composition", "fractions": {...}}`, with only the parameters the strategy reads. A parameter
/// the strategy does not read is refused (it would be silently ignored otherwise); keys
/// `curate` does not know are ignored, as everywhere in a spec.
extension SplitStrategy: Codable {
    enum Key: String, CodingKey, CaseIterable {
        case strategy, fractions, bins, k, elements, systems, field, values, min
        case groupBy = "group_by", innerK = "inner_k", holdoutClusters = "holdout_clusters"
    }

    /// The parameters each strategy reads.
    static let parameters: [String: Set<Key>] = {
        let holdout: Set<Key> = [.fractions, .field, .values, .min]
        return [
            "random": [.fractions], "stratified": [.fractions, .bins], "grouped": [.fractions, .groupBy],
            "chemical_system": [.fractions, .systems], "cluster": [.fractions, .k, .holdoutClusters],
            "element": [.fractions, .elements], "space_group": holdout, "batch": holdout, "time": holdout, "attribute": holdout,
            "kfold": [.k], "nested_kfold": [.k, .innerK],
        ]
    }()

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let name = try container.decode(String.self, forKey: .strategy)
        guard let reads = Self.parameters[name] else {
            throw SplitStrategyError("unknown strategy \"\(name)\"; known: \(Self.names.sorted().joined(separator: ", "))")
        }
        for key in Key.allCases where key != .strategy && !reads.contains(key) && container.contains(key) {
            guard try container.decodeNil(forKey: key) else {
                let names = reads.map(\.stringValue).sorted().joined(separator: ", ")
                throw SplitStrategyError("\(key.stringValue) does not apply to the \(name) strategy (it reads \(names))")
            }
        }
        let fractions = try container.decodeIfPresent(SplitFractions.self, forKey: .fractions)
        func selection() throws -> AttributeSelection {
            AttributeSelection(field: try container.decodeIfPresent(String.self, forKey: .field),
                               values: try container.decodeIfPresent([String].self, forKey: .values),
                               min: try container.decodeIfPresent(Double.self, forKey: .min))
        }
        func required<T: Decodable>(_ type: T.Type, _ key: Key, else message: String) throws -> T {
            guard let value = try container.decodeIfPresent(type, forKey: key) else { throw SplitStrategyError(message) }
            return value
        }
        switch name {
        case "random":
            self = .random(fractions: fractions)
        case "stratified":
            self = .stratified(bins: try container.decodeIfPresent(Int.self, forKey: .bins), fractions: fractions)
        case "grouped":
            let text = try container.decodeIfPresent(String.self, forKey: .groupBy)
            guard let field = text.flatMap(GroupField.init(rawValue:)) else {
                throw SplitStrategyError("grouped needs group_by: composition, chemical_system or prototype")
            }
            self = .grouped(by: field, fractions: fractions)
        case "chemical_system":
            self = .chemicalSystem(systems: try container.decodeIfPresent([String].self, forKey: .systems), fractions: fractions)
        case "cluster":
            self = .cluster(k: try required(Int.self, .k, else: "cluster needs k >= 2"),
                            holdoutClusters: try container.decodeIfPresent([Int].self, forKey: .holdoutClusters), fractions: fractions)
        case "element":
            self = .element(elements: try required([String].self, .elements, else: "element needs elements"), fractions: fractions)
        case "space_group":
            self = .spaceGroup(try selection(), fractions: fractions)
        case "batch":
            self = .batch(try selection(), fractions: fractions)
        case "time":
            self = .time(try selection(), fractions: fractions)
        case "kfold":
            self = .kfold(k: try required(Int.self, .k, else: "kfold needs k >= 2"))
        case "nested_kfold":
            let message = "nested_kfold needs k >= 2 and inner_k >= 2"
            self = .nestedKfold(k: try required(Int.self, .k, else: message), innerK: try required(Int.self, .innerK, else: message))
        default: // "attribute"
            let chosen = try selection()
            guard chosen.field != nil else { throw SplitStrategyError("attribute needs field") }
            self = .attribute(chosen, fractions: fractions)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(name, forKey: .strategy)
        try container.encodeIfPresent(fractions, forKey: .fractions)
        if let selection = attributeSelection {
            try container.encodeIfPresent(selection.field, forKey: .field)
            try container.encodeIfPresent(selection.values, forKey: .values)
            try container.encodeIfPresent(selection.min, forKey: .min)
        }
        switch self {
        case .stratified(let bins, _):
            try container.encodeIfPresent(bins, forKey: .bins)
        case .grouped(let field, _):
            try container.encode(field.rawValue, forKey: .groupBy)
        case .chemicalSystem(let systems, _):
            try container.encodeIfPresent(systems, forKey: .systems)
        case .cluster(let k, let holdoutClusters, _):
            try container.encode(k, forKey: .k)
            try container.encodeIfPresent(holdoutClusters, forKey: .holdoutClusters)
        case .element(let elements, _):
            try container.encode(elements, forKey: .elements)
        case .kfold(let k):
            try container.encode(k, forKey: .k)
        case .nestedKfold(let k, let innerK):
            try container.encode(k, forKey: .k)
            try container.encode(innerK, forKey: .innerK)
        case .random, .spaceGroup, .batch, .time, .attribute:
            break
        }
    }
}

/// Why a split is not a valid strategy with valid parameters.
public struct SplitStrategyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the parameter.
    public var message: String

    init(_ message: String) {
        self.message = message
    }

    public var description: String { "split: " + message }
}
