/// One generated candidate: a new protostructure made from a near-hull parent by one element
/// substitution.
public struct Candidate: Sendable, Hashable, Codable {
    /// Rank-based identifier, `cand-1` for the most probable.
    public let id: String
    /// The candidate's canonical protostructure label.
    public let protostructure: String
    /// Reduced formula implied by the label.
    public let composition: String
    /// Id of the parent structure.
    public let parent: String
    /// The parent's protostructure label.
    public let parentProtostructure: String
    /// The substitution, `A->B` (A in the parent replaced by B).
    public let substitution: String
    /// P(B | substitution of A) from the mined matrix.
    public let probability: Double
    /// Whether the label's multiplicities reproduce the parent's composition with the
    /// substitution applied (`ProtostructureValidity`).
    public let valid: Bool

    enum CodingKeys: String, CodingKey {
        case id, protostructure, composition, parent, substitution, probability, valid
        case parentProtostructure = "parent_protostructure"
    }
}
