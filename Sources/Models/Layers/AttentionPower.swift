/// How node weights enter the weighted attention softmax of Roost and Wren.
///
/// `fixed` is the thesis' form (appendix A.1): a_ij = w_j exp(e_ij) / Σ_k w_k exp(e_ik), the
/// weight to the power 1. `learned` is aviary's: a_ij = w_j^p exp(e_ij) / Σ_k w_k^p exp(e_ik),
/// with one learnable exponent p per attention head (parameter `<head>.gate.pow`, shape [1, 1]),
/// computed as a softmax of e_ij + p·ln w_j. Model files written before this option read as
/// `fixed`.
public enum AttentionPower: String, Codable, Sendable, CaseIterable {
    /// The thesis' weighted softmax (power 1).
    case fixed
    /// aviary's weighted softmax with a learnable power per head.
    case learned
}
