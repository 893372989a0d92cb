import Chemistry

/// One reaction's ensemble prediction, the line `curate predict reaction --json` prints.
public struct ReactionPrediction: Sendable, Encodable {
    /// The record id.
    public let id: String
    /// The target's formula as released.
    public let composition: String
    /// The source DOI.
    public let doi: String
    /// Split label.
    public let split: String
    /// Precursor formulas.
    public let precursors: [String]
    /// Action classes in order.
    public let actions: [String]
    /// Predicted fractions by element symbol (the ensemble's element set, mean member fractions).
    public let predicted: [String: Double]
    /// Observed fractions by element symbol, when the record has a target.
    public let observed: [String: Double]?
    /// Σ |predicted − observed| over elements, when observed.
    public let l1: Double?
    /// EleMD between predicted and observed, when observed and defined.
    public let elemd: Double?
    /// Epistemic uncertainty: √(trace of the covariance) of the members' fraction vectors.
    public let uncertainty: Double
    /// The ensemble-mean reaction embedding.
    public let embedding: [Float]

    /// Fractions keyed by symbol from fractions keyed by atomic number.
    static func symbols(_ fractions: [Int: Double]) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: fractions.compactMap { z, f in PeriodicTable.element(z: z).map { ($0.symbol, f) } })
    }

    enum CodingKeys: String, CodingKey {
        case id, composition, doi, split, precursors, actions, predicted, observed, l1, elemd, uncertainty, embedding
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(composition, forKey: .composition)
        try c.encode(doi, forKey: .doi)
        try c.encode(split, forKey: .split)
        try c.encode(precursors, forKey: .precursors)
        try c.encode(actions, forKey: .actions)
        try c.encode(predicted, forKey: .predicted)
        try c.encodeIfPresent(observed, forKey: .observed)
        try c.encodeIfPresent(l1, forKey: .l1)
        try c.encodeIfPresent(elemd, forKey: .elemd)
        try c.encode(uncertainty, forKey: .uncertainty)
        try c.encode(embedding, forKey: .embedding)
    }
}
